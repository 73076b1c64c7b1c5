"""Golden values of the original notebook's analysis of the published
network, for pkg/snn (analysis_test.go). The analysis code is the original's
(AnalysisResults and the "Understanding the solution found" cells of
research/time-constant-solutions.ipynb), run on the float32 forward pass of
gen_golden.py. Run by hand with Debian's python3 (numpy 1.24, scipy 1.10,
torch 1.13): /usr/bin/python3 gen_analysis_golden.py  (about 20 s, 5 GB)
Writes analysis_golden.json beside this script.
"""
import json
import os
import sys

import numpy as np
import torch
from scipy.optimize import curve_fit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_golden as G  # noqa: E402  (runs its own golden first; cheap enough)

ms = 1e-3
ncls, nh, tau, dt = 12, 8, 2 * ms, 1 * ms

# Test set and the float32 forward pass, as AnalysisResults computes them.
np.random.seed(32844534)
ipd = np.random.rand(4096) * np.pi - np.pi / 2
T = np.arange(100) * dt


def input_signal(ipds, generate_spikes=True):
    n = len(ipds)
    phi0 = np.random.rand()
    phi = 2 * np.pi * (50 * T + phi0)
    theta = np.zeros((n, 100, 200))
    pd = np.linspace(0, np.pi / 2, 100)
    theta[:, :, :100] = phi[None, :, None] + pd[None, None, :]
    theta[:, :, 100:] = phi[None, :, None] + pd[None, None, :] + ipds[:, None, None]
    theta2 = theta + 2 * np.pi * 50 * dt
    p = 600 / 4 * ((-np.sin(2 * theta2) - 8 * np.cos(theta2) + np.sin(2 * theta) + 8 * np.cos(theta) + 12 * np.pi * 50 * dt) / (8 * np.pi * 50))
    if generate_spikes:
        return np.random.rand(n, 100, 200) < p
    return p


spikes = input_signal(ipd)
labels = ((torch.tensor(ipd, dtype=torch.float) + np.pi / 2) * ncls / np.pi).long().numpy()
outs, frs = [], []
with torch.no_grad():
    for b in range(0, 4096, 128):
        m, s_rec = G.forward(G.W_ih32, G.W_ho32, torch.tensor(spikes[b:b + 128], dtype=torch.float), tau, apply_softmax=False)
        outs.append(m)
        frs.append(torch.sum(s_rec, dim=1) / 0.1)
del spikes
all_output = torch.cat(outs).numpy()
all_hidden_fr = torch.cat(frs).numpy()
est = np.argmax(all_output, 1)
confusion = np.zeros((ncls, ncls))
for i, j in zip(labels, est):
    confusion[j, i] += 1
confusion /= np.sum(confusion, axis=0)[np.newaxis, :]


def tuning(X):
    mean = np.zeros((ncls, X.shape[1]))
    std = np.zeros((ncls, X.shape[1]))
    for i in range(ncls):
        o = X[labels == i, :]
        mean[i] = np.mean(o, axis=0)
        std[i] = np.std(o, axis=0)
    return mean, std


out_mean, out_std = tuning(all_output)
hid_mean, hid_std = tuning(all_hidden_fr)
out = {
    "confusion": confusion.tolist(),
    "output_tuning_mean": out_mean.tolist(), "output_tuning_std": out_std.tolist(),
    "hidden_tuning_mean": hid_mean.tolist(), "hidden_tuning_std": hid_std.tolist(),
}

# Reorder, interpolation, fits.
W_ih = G.W_ih32.numpy()
W_ho = G.W_ho32.numpy()
A = np.arange(W_ho.shape[1])[None, :]
I_reorder = np.argsort(-np.mean(A * W_ho, axis=1))
out["reorder"] = I_reorder.tolist()
W_ih = W_ih[:, I_reorder]
W_ho = W_ho[I_reorder, :]
W_ho_interp = torch.nn.functional.interpolate(torch.tensor(W_ho).reshape(1, 1, 8, 12), size=(12, 12), mode='bicubic').numpy()[0, 0]
out["bicubic"] = W_ho_interp.tolist()
I, J = np.meshgrid(np.arange(12), np.arange(12))
J = (I + J + 6) % 12
W_ho_interp = W_ho_interp[I, J]
psi = lambda t, a, b, sigma: a * (1 - (t / sigma) ** 2) * np.exp(-t ** 2 / (2 * sigma ** 2)) + b
y = W_ho_interp.mean(axis=1)
out["row_mean"] = y.tolist()
popt, _ = curve_fit(psi, np.arange(12) - 6, y, p0=[1, 0, 1])
out["ricker_row_popt"] = popt.tolist()
H, O = np.meshgrid(np.arange(12), np.arange(8))
t = (O - 8 * (H * 1.0) / 12).flatten()
popt, _ = curve_fit(psi, t, W_ho.flatten(), p0=[1, 0, 1])
out["ricker_matrix_popt"] = popt.tolist()
W_ho_fit = psi(t, *popt).reshape(W_ho.shape)
tcm = hid_mean[:, I_reorder]
ipds = np.linspace(-np.pi / 2, np.pi / 2, ncls)
IPD, Hh = np.meshgrid(ipds, np.arange(nh), indexing='ij')
t = -np.pi / 2 + Hh * np.pi / (nh - 1) - IPD
gauss = lambda t, a, b, sigma: a * np.exp(-t ** 2 / (2 * sigma ** 2)) + b
popt, _ = curve_fit(gauss, t.flatten(), tcm.flatten(), p0=[-200, 200, 1])
out["gaussian_popt"] = popt.tolist()
tuning_curve_fit = gauss(t, *popt)

# LIF approximation (first input_signal call after the test set).
rates_input = input_signal(ipds, generate_spikes=False)
x = np.einsum('ih,cti->cth', W_ih, rates_input)
alpha = np.exp(-dt / tau)
v = np.zeros((x.shape[0], x.shape[2]))
count = np.zeros_like(v)
for i in range(x.shape[1]):
    v = alpha * v + x[:, i, :]
    s = (v > 1) * 1.0
    count += s
    v[v > 1] = 0
xclip = np.clip((tau / dt) * x, 1.001, np.inf)
yy = (1 / (dt + tau * np.log(xclip / (xclip - 1)))) * (x > 1.001)
yy = yy.sum(axis=1) * dt
out["lif_count"] = count.tolist()
out["lif_predicted"] = yy.tolist()

# Rate model (second call).
rates_input = input_signal(ipds, generate_spikes=False)
sig = lambda x: (1 / (dt + tau * np.log(np.clip((tau / dt) * x, 1.001, np.inf) / (np.clip((tau / dt) * x, 1.001, np.inf) - 1)))) * (x > 1.001)
rates_hidden = sig(np.einsum('ih,cti->cth', W_ih, rates_input))
rates_output = np.einsum('ho,cth->cto', W_ho, rates_hidden)
rates_output_ricker = np.einsum('ho,cth->cto', W_ho_fit, rates_hidden)
rwh = np.einsum('ho,ch->co', W_ho_fit, tuning_curve_fit)[:, None, :]
out["rate_hidden_tc"] = rates_hidden.mean(axis=1).tolist()
out["rate_output_R"] = rates_output.mean(axis=1).tolist()
out["rate_output_RW"] = rates_output_ricker.mean(axis=1).tolist()
out["rate_output_RWH"] = rwh.mean(axis=1).tolist()
L = np.einsum('ih,cti->cth', W_ih[:100, :], rates_input[:, :20, :100])
R = np.einsum('ih,cti->cth', W_ih[100:, :], rates_input[:, :20, 100:])
out["drive_L"] = L.tolist()
out["drive_R"] = R.tolist()


def rounded(v):
    """10 significant digits keep the file small and are far below the tolerances."""
    if isinstance(v, float):
        return float("%.10g" % v)
    if isinstance(v, list):
        return [rounded(x) for x in v]
    return v


with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "analysis_golden.json"), "w") as fh:
    json.dump({k: rounded(v) for k, v in out.items()}, fh)
print(out["ricker_row_popt"], out["ricker_matrix_popt"], out["gaussian_popt"])
