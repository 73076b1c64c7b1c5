"""Golden values of the original ITDDataset for datasets/itd.

The data generation below is the original's (comob-project/snn-sound-localization,
research/time-constant-solutions.ipynb, ITDDataset.input_signal and
random_ipd_input_signal), kept numpy-only; labels use torch float32 like the
original's discretise. Run by hand with Debian's python3 (numpy 1.24, torch
1.13): /usr/bin/python3 gen_golden.py   (about 20 s, 5 GB of memory)
Writes golden.json beside this script.
"""
import hashlib
import json
import os

import numpy as np
import torch

ms = 1e-3
dt, anf, power, rate_max, f, duration, ncls = 1 * ms, 100, 2, 600, 50, 0.1, 12
steps = int(np.round(duration / dt))
SEED = 32844534


def input_signal(ipd, generate_spikes=True):
    num_samples = len(ipd)
    T = np.arange(steps) * dt
    phi0 = np.random.rand()
    phi = 2 * np.pi * (f * T + phi0)
    theta = np.zeros((num_samples, steps, 2 * anf))
    phase_delays = np.linspace(0, np.pi / 2, anf)
    theta[:, :, :anf] = phi[np.newaxis, :, np.newaxis] + phase_delays[np.newaxis, np.newaxis, :]
    theta[:, :, anf:] = phi[np.newaxis, :, np.newaxis] + phase_delays[np.newaxis, np.newaxis, :] + ipd[:, np.newaxis, np.newaxis]
    theta2 = theta + 2 * np.pi * f * dt
    rate_integ = rate_max / 4 * ((-np.sin(2 * theta2) - 8 * np.cos(theta2) + np.sin(2 * theta) + 8 * np.cos(theta) + 12 * np.pi * f * dt) / (8 * np.pi * f))
    if generate_spikes:
        return np.random.rand(num_samples, steps, 2 * anf) < rate_integ, phi0
    return rate_integ, phi0


def discretise(ipd):
    t = torch.tensor(ipd, dtype=torch.float)
    return ((t + np.pi / 2) * ncls / np.pi).long().numpy()


out = {}
# Test set exactly as the original builds it (seed, rand(N), input_signal).
np.random.seed(SEED)
ipd = np.random.rand(4096) * np.pi - np.pi / 2
spikes, phi0 = input_signal(ipd)
out["test_ipd_head"] = ipd[:6].tolist()
out["test_phi0"] = phi0
out["test_labels"] = "".join("0123456789ab"[k] for k in discretise(ipd))
out["test_sha256_packbits"] = hashlib.sha256(np.packbits(spikes).tobytes()).hexdigest()
out["test_counts_head"] = spikes[:16].sum(axis=(1, 2)).tolist()
out["test_density"] = float(spikes.mean())
out["test_first_sample_first_rows"] = [np.nonzero(spikes[0, t])[0].tolist() for t in range(3)]
del spikes
# The rates the analysis cells use next (two calls, each drawing its own phi0).
ipds = np.linspace(-np.pi / 2, np.pi / 2, ncls)
out["linspace_ipds"] = ipds.tolist()
rates, phi0a = input_signal(ipds, generate_spikes=False)
out["rates1_phi0"] = phi0a
out["rates1_sum"] = float(rates.sum())
out["rates1_samples"] = [float(rates[c, t, i]) for c, t, i in [(0, 0, 0), (3, 17, 150), (11, 99, 199), (6, 50, 42)]]
rates2, phi0b = input_signal(ipds, generate_spikes=False)
out["rates2_phi0"] = phi0b
out["rates2_sum"] = float(rates2.sum())

# Training set: the same stream, drawn in chunks of samples to save memory
# (C-order draws make this identical to one rand(16384, 100, 200) call).
np.random.seed(SEED)
N = 16384
ipd = np.random.rand(N) * np.pi - np.pi / 2
h = hashlib.sha256()
T = np.arange(steps) * dt
phi0 = np.random.rand()
out["train_phi0"] = phi0
count = 0
for c0 in range(0, N, 1024):
    sub = ipd[c0:c0 + 1024]
    phi = 2 * np.pi * (f * T + phi0)
    theta = np.zeros((len(sub), steps, 2 * anf))
    pd = np.linspace(0, np.pi / 2, anf)
    theta[:, :, :anf] = phi[np.newaxis, :, np.newaxis] + pd[np.newaxis, np.newaxis, :]
    theta[:, :, anf:] = phi[np.newaxis, :, np.newaxis] + pd[np.newaxis, np.newaxis, :] + sub[:, np.newaxis, np.newaxis]
    theta2 = theta + 2 * np.pi * f * dt
    p = rate_max / 4 * ((-np.sin(2 * theta2) - 8 * np.cos(theta2) + np.sin(2 * theta) + 8 * np.cos(theta) + 12 * np.pi * f * dt) / (8 * np.pi * f))
    s = np.random.rand(len(sub), steps, 2 * anf) < p
    count += int(s.sum())
    h.update(np.packbits(s).tobytes())
out["train_sha256_packbits"] = h.hexdigest()
out["train_spike_count"] = count
out["train_ipd_last"] = ipd[-1]
out["train_labels_sha256"] = hashlib.sha256("".join("0123456789ab"[k] for k in discretise(ipd)).encode()).hexdigest()

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json"), "w") as fh:
    json.dump(out, fh, indent=1)
