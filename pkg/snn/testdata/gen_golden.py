"""Golden values of the original ITDNet for pkg/snn.

The network code is the original's (comob-project/snn-sound-localization,
research/time-constant-solutions.ipynb: SurrGradSpike, ITDNet.forward and the
loss of ITDNet.train), with the dtype made a parameter. Data are the
original's ITDDataset draws (numpy legacy MT19937, seed 32844534).
Run by hand with Debian's python3 (numpy 1.24, torch 1.13):
    /usr/bin/python3 gen_golden.py      (about 30 s, 5 GB of memory)
Writes golden.json beside this script.
"""
import json
import os

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
PRE = os.path.join(HERE, "..", "..", "..", "datasets", "pretrained", "itd")
ms = 1e-3
dt, anf, rate_max, f, duration, ncls = 1 * ms, 100, 600, 50, 0.1, 12
steps = 100


def dataset(n):
    np.random.seed(32844534)
    ipd = np.random.rand(n) * np.pi - np.pi / 2
    T = np.arange(steps) * dt
    phi0 = np.random.rand()
    phi = 2 * np.pi * (f * T + phi0)
    theta = np.zeros((n, steps, 2 * anf))
    pd = np.linspace(0, np.pi / 2, anf)
    theta[:, :, :anf] = phi[None, :, None] + pd[None, None, :]
    theta[:, :, anf:] = phi[None, :, None] + pd[None, None, :] + ipd[:, None, None]
    theta2 = theta + 2 * np.pi * f * dt
    p = rate_max / 4 * ((-np.sin(2 * theta2) - 8 * np.cos(theta2) + np.sin(2 * theta) + 8 * np.cos(theta) + 12 * np.pi * f * dt) / (8 * np.pi * f))
    spikes = np.random.rand(n, steps, 2 * anf) < p
    labels = ((torch.tensor(ipd, dtype=torch.float) + np.pi / 2) * ncls / np.pi).long()
    return ipd, spikes, labels


SURROGATE = {"kind": "sigmoid"}


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
        if SURROGATE["kind"] == "superspike":
            return grad_output / (100 * torch.abs(input) + 1.0) ** 2
        beta = 5
        return grad_output * beta * torch.sigmoid(beta * input) * (1 - torch.sigmoid(beta * input))


spike_fn = SurrGradSpike.apply


def forward(W_ih, W_ho, input_spikes, tau, apply_softmax=True):
    dtype = W_ih.dtype
    batch_size, duration_steps, input_size = input_spikes.shape
    num_hidden, num_classes = W_ho.shape
    v = torch.zeros((batch_size, num_hidden), dtype=dtype)
    s = torch.zeros((batch_size, num_hidden), dtype=dtype)
    s_rec = [s]
    h = torch.einsum("abc,cd->abd", (input_spikes, W_ih))
    alpha = np.exp(-dt / tau)
    for t in range(duration_steps - 1):
        new_v = (alpha * v + h[:, t, :]) * (1 - s)
        s = spike_fn(v - 1)
        v = new_v
        s_rec.append(s)
    s_rec = torch.stack(s_rec, dim=1)
    v = torch.zeros((batch_size, num_classes), dtype=dtype)
    v_rec = [v]
    h = torch.einsum("abc,cd->abd", (s_rec, W_ho))
    for t in range(duration_steps - 1):
        v = alpha * v + h[:, t, :]
        v_rec.append(v)
    v_rec = torch.stack(v_rec, dim=1)
    m = torch.mean(v_rec, 1)
    if apply_softmax:
        m = nn.LogSoftmax(dim=1)(m)
    return m, s_rec


W_ih32 = torch.tensor(np.load(os.path.join(PRE, "itdnet-for-paper_W_ih.npy")))
W_ho32 = torch.tensor(np.load(os.path.join(PRE, "itdnet-for-paper_W_ho.npy")))

def main():
    out = {}

    # 1. The published network in float32 on the whole test set, as the original.
    ipd, spikes, labels = dataset(4096)
    pred, counts = [], []
    with torch.no_grad():
        for b in range(0, 4096, 128):
            x = torch.tensor(spikes[b:b + 128], dtype=torch.float)
            m, s_rec = forward(W_ih32, W_ho32, x, 2 * ms, apply_softmax=False)
            pred.append(m.argmax(1))
            counts.append(s_rec.sum(1))
    pred = torch.cat(pred).numpy()
    counts = torch.cat(counts).numpy()
    mid = lambda k: (k + 0.5) / ncls * np.pi - np.pi / 2
    out["test_pred"] = "".join("0123456789ab"[k] for k in pred)
    out["test_accuracy"] = float((pred == labels.numpy()).mean())
    out["test_mae_deg"] = float(np.mean(np.abs(mid(labels.numpy()) - mid(pred)) * 180 / np.pi))
    out["test_hidden_counts_head"] = counts[:32].astype(int).tolist()
    out["test_hidden_mean_rate"] = (counts.mean(0) / duration).tolist()
    del spikes

    # 2. Loss and gradients, float64, on the first 8 training samples.
    _, spikes, labels = dataset(8)
    x = torch.tensor(spikes, dtype=torch.double)
    cases = []
    for name, scale, tau, kind in [("published", 1.0, 2 * ms, "sigmoid"), ("scaled-superspike", 0.6, 2 * ms, "superspike"), ("tau20", 0.5, 20 * ms, "sigmoid")]:
        SURROGATE["kind"] = kind
        W_ih = (W_ih32.double() * scale).requires_grad_(True)
        W_ho = (W_ho32.double() * scale).requires_grad_(True)
        output, hidden = forward(W_ih, W_ho, x, tau)
        batch_size = 8
        fr = torch.sum(hidden, dim=(0, 1)) / (batch_size * duration)
        c = -np.log(1 / ncls)
        reg = torch.mean(c * (torch.nn.functional.relu(fr - 100) / (200 - 100)) ** 2) / W_ho.shape[0]
        nll = nn.NLLLoss()(output, labels)
        loss = nll + reg
        loss.backward()
        cases.append({
            "name": name, "scale": scale, "tau": tau, "surrogate": kind,
            "nll": nll.item(), "reg": reg.item(), "loss": loss.item(),
            "fr": fr.tolist(),
            "grad_W_ih": [float("%.8g" % v) for v in W_ih.grad.flatten().tolist()],
            "grad_W_ho": [float("%.8g" % v) for v in W_ho.grad.flatten().tolist()],
        })
    out["labels8"] = labels.tolist()
    out["grad_cases"] = cases
    with open(os.path.join(HERE, "golden.json"), "w") as fh:
        json.dump(out, fh)


if __name__ == "__main__":
    main()
