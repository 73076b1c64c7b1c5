"""Timings of the original notebook 02 code (comob-project/snn-sound-localization,
research/time-constant-solutions.ipynb) on this machine, for scripts/bench/snn.sh.

Prints one JSON object: dataset construction (the original ITDDataset numpy
code, 4096 samples, or 16384 + 4096 with BENCH_FULL=1) with its peak memory,
one training epoch (16384 samples, batches of 128, the original's
DataLoader, forward, loss and Adam) and inference on the 4096-sample test set.
torch runs on 2 CPU threads. Run with Debian's python3: /usr/bin/python3.
"""
import json
import os
import resource
import subprocess
import sys
import time

import numpy as np

ms = 1e-3
dt, anf, rate_max, f, duration, ncls, steps = 1 * ms, 100, 600, 50, 0.1, 12, 100


def input_signal(ipd):
    """The original's input_signal(ipd) for envelope power 2."""
    num_samples = len(ipd)
    T = np.arange(steps) * dt
    phi0 = np.random.rand()
    phi = 2 * np.pi * (f * T + phi0)
    theta = np.zeros((num_samples, steps, 2 * anf))
    pd = np.linspace(0, np.pi / 2, anf)
    theta[:, :, :anf] = phi[None, :, None] + pd[None, None, :]
    theta[:, :, anf:] = phi[None, :, None] + pd[None, None, :] + ipd[:, None, None]
    theta2 = theta + 2 * np.pi * f * dt
    rate = rate_max / 4 * ((-np.sin(2 * theta2) - 8 * np.cos(theta2) + np.sin(2 * theta) + 8 * np.cos(theta) + 12 * np.pi * f * dt) / (8 * np.pi * f))
    return np.random.rand(num_samples, steps, 2 * anf) < rate


def dataset_child(sizes):
    import torch
    t0 = time.perf_counter()
    for n in sizes:
        np.random.seed(32844534)
        ipd = np.random.rand(n) * np.pi - np.pi / 2
        spikes = input_signal(ipd)
        torch.tensor(ipd, dtype=torch.float), torch.tensor(spikes, dtype=torch.float)
    t = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"seconds": t, "peak_bytes": rss}))


def torch_timings():
    import torch
    import torch.nn as nn
    torch.set_num_threads(2)
    dtype = torch.float

    class SurrGradSpike(torch.autograd.Function):
        @staticmethod
        def forward(ctx, input):
            ctx.save_for_backward(input)
            out = torch.zeros_like(input)
            out[input > 0] = 1.0
            return out

        @staticmethod
        def backward(ctx, grad_output):
            input, = ctx.saved_tensors
            beta = 5
            return grad_output * beta * torch.sigmoid(beta * input) * (1 - torch.sigmoid(beta * input))

    spike_fn = SurrGradSpike.apply

    class Net(nn.Module):
        def __init__(self, tau=2 * ms):
            super().__init__()
            self.tau = tau
            self.W_ih = nn.Parameter(torch.empty((200, 8), dtype=dtype).uniform_(-1 / np.sqrt(8), 1 / np.sqrt(8)))
            self.W_ho = nn.Parameter(torch.empty((8, 12), dtype=dtype).uniform_(-1 / np.sqrt(12), 1 / np.sqrt(12)))

        def forward(self, input_spikes, apply_softmax=True):
            batch_size, duration_steps, _ = input_spikes.shape
            v = torch.zeros((batch_size, 8), dtype=dtype)
            s = torch.zeros((batch_size, 8), dtype=dtype)
            s_rec = [s]
            h = torch.einsum("abc,cd->abd", (input_spikes, self.W_ih))
            alpha = np.exp(-dt / self.tau)
            for t in range(duration_steps - 1):
                new_v = (alpha * v + h[:, t, :]) * (1 - s)
                s = spike_fn(v - 1)
                v = new_v
                s_rec.append(s)
            s_rec = torch.stack(s_rec, dim=1)
            v = torch.zeros((batch_size, 12), dtype=dtype)
            v_rec = [v]
            h = torch.einsum("abc,cd->abd", (s_rec, self.W_ho))
            for t in range(duration_steps - 1):
                v = alpha * v + h[:, t, :]
                v_rec.append(v)
            v_rec = torch.stack(v_rec, dim=1)
            m = torch.mean(v_rec, 1)
            if apply_softmax:
                m = nn.LogSoftmax(dim=1)(m)
            return m, s_rec

    class Data(torch.utils.data.Dataset):
        def __init__(self, n):
            np.random.seed(32844534)
            ipd = np.random.rand(n) * np.pi - np.pi / 2
            chunks = []
            for c in range(0, n, 1024):
                chunks.append(torch.tensor(input_signal(ipd[c:c + 1024]), dtype=dtype))
            self.spikes = torch.cat(chunks)
            self.labels = ((torch.tensor(ipd, dtype=dtype) + np.pi / 2) * ncls / np.pi).long()

        def __len__(self):
            return len(self.labels)

        def __getitem__(self, i):
            return self.spikes[i], self.labels[i]

    out = {}
    train = Data(128 * 128)
    loader = torch.utils.data.DataLoader(train, batch_size=128, shuffle=True)
    torch.manual_seed(0)
    net = Net()
    opt = torch.optim.Adam(net.parameters(), lr=0.01)
    loss_fn = nn.NLLLoss()
    c = -np.log(1 / ncls)
    t0 = time.perf_counter()
    for spikes, labels in loader:
        output, hidden = net(spikes)
        fr = torch.sum(hidden, dim=(0, 1)) / (128 * duration)
        reg = torch.mean(c * (torch.nn.functional.relu(fr - 100) / 100) ** 2) / 8
        loss = loss_fn(output, labels) + reg
        loss.backward()
        opt.step()
        opt.zero_grad()
    out["epoch_s"] = time.perf_counter() - t0
    del train, loader
    test = Data(32 * 128)
    loader = torch.utils.data.DataLoader(test, batch_size=128, shuffle=True)
    t0 = time.perf_counter()
    with torch.no_grad():
        for spikes, labels in loader:
            net(spikes, apply_softmax=False)
    out["evaluate_s"] = time.perf_counter() - t0
    return out


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "dataset":
        dataset_child([int(a) for a in sys.argv[2:]])
        sys.exit(0)
    sizes = ["16384", "4096"] if os.environ.get("BENCH_FULL") else ["4096"]
    ds = json.loads(subprocess.check_output([sys.executable, __file__, "dataset"] + sizes))
    res = {"dataset_samples": sum(int(s) for s in sizes), "dataset_s": ds["seconds"], "dataset_peak_bytes": ds["peak_bytes"]}
    res.update(torch_timings())
    print(json.dumps(res))
