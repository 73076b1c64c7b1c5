#!/usr/bin/python3
"""Band of the original torch script (leonlufkin/Localization @ 89921cd,
v_torch/conv_emergence.py: NLGP batches from numpy, Linear(40→100) with a
zero-initialised trainable bias, tanh, mean readout, MSE, SGD lr 1, 1000
steps of batch 100, ξ 4.47/0.1, gain 100) over seeds, measured as the Go
port measures its own (BENCHMARKS.md, section 04): accuracy over the last 100
steps, share of units with IPR > 0.1, their mean IPR and mean half-maximum
width. Run by hand:

    /usr/bin/python3 scripts/bench/nlgp_torch_band.py [seeds]
"""
import sys

import numpy as np
from scipy.special import erf
import torch

L, K, B, STEPS, XI1, XI2, G = 40, 100, 100, 1000, 4.47, 0.1, 100.0


def Z(g):
    return np.sqrt((2 / np.pi) * np.arcsin(g**2 / (1 + g**2)))


def cov(xi):
    d = np.abs(np.arange(L)[:, None] - np.arange(L)[None, :])
    return np.exp(-d**2 / xi**2)


def half_max_width(w):
    p = np.argmax(np.abs(w))
    h = w[p] / 2
    inside = (lambda v: v >= h) if h >= 0 else (lambda v: v <= h)
    lo = hi = p
    while lo > 0 and inside(w[lo - 1]):
        lo -= 1
    while hi < len(w) - 1 and inside(w[hi + 1]):
        hi += 1
    return hi - lo + 1


def run(seed):
    np.random.seed(seed)
    torch.manual_seed(seed)
    ff1 = torch.nn.Linear(L, K)
    ff1.weight.data.normal_(0, 1 / np.sqrt(L))
    ff1.bias.data.zero_()
    opt = torch.optim.SGD(ff1.parameters(), lr=1.0)
    C1, C2 = cov(XI1), cov(XI2)
    accs = []
    for _ in range(STEPS):
        n1 = np.random.binomial(B, 0.5)
        x1 = erf(G * np.random.multivariate_normal(np.zeros(L), C1, size=n1)) / Z(G)
        x2 = erf(G * np.random.multivariate_normal(np.zeros(L), C2, size=B - n1)) / Z(G)
        perm = np.random.permutation(B)
        X = torch.from_numpy(np.concatenate([x1, x2])[perm]).float()
        y = torch.tensor(np.concatenate([np.ones(n1), -np.ones(B - n1)])[perm]).float()
        yhat = torch.tanh(ff1(X)).mean(dim=1)
        loss = torch.nn.functional.mse_loss(yhat, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        accs.append(((yhat > 0) == (y > 0)).float().mean().item())
    w = ff1.weight.detach().numpy().astype(np.float64)
    ipr = (w**4).sum(1) / ((w**2).sum(1)) ** 2
    loc = ipr > 0.1
    widths = [half_max_width(r) for r in w[loc]]
    return np.mean(accs[-100:]), loc.mean(), ipr[loc].mean(), np.mean(widths)


seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 4
rows = np.array([run(s) for s in range(seeds)])
for s, r in enumerate(rows):
    print(f"seed {s}: accuracy {r[0]:.3f}  localized share {r[1]:.2f}  mean IPR {r[2]:.3f}  mean width {r[3]:.2f}")
lo, hi = rows.min(0), rows.max(0)
print(f"band over {seeds} seeds: accuracy {lo[0]:.3f}–{hi[0]:.3f}, share {lo[1]:.2f}–{hi[1]:.2f}, "
      f"IPR {lo[2]:.3f}–{hi[2]:.3f}, width {lo[3]:.2f}–{hi[3]:.2f}")
