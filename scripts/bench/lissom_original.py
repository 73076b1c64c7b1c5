#!/usr/bin/python3
"""Times pylissom's formulation of a full LISSOM forward pass (notebook 01,
hernanbari/pylissom @ c4f1d80): dense float32 torch weight matrices of shape
(out, in) applied with torch.nn.functional.linear, as pylissom's Linear
subclasses do, ON + OFF LGN (DoG × strength → piecewise sigmoid) into a
ReducedLissom that settles for 9 steps. pylissom itself is not packaged; this
is its forward pass written out with the same torch calls. Weights are built
vectorised (pylissom loops in Python, which takes minutes at 142²) with the
same formulas; their values do not affect the timing.

Prints JSON: seconds per forward pass (best of several) for V1 36×36 (the
notebook) and V1 142×142 (retina and LGN 36×36), torch on 2 threads.

    /usr/bin/python3 scripts/bench/lissom_original.py
"""
import json
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(2)
torch.manual_seed(0)


def field(in_side, out_side, sigma, radius, noise, chunk=512):
    """Dense (out, in) float32 Gaussian (cloud) weights, masked, row-normalised."""
    c = torch.linspace(0, in_side - 1, out_side, dtype=torch.float64)
    grid = torch.arange(in_side, dtype=torch.float64)
    gx = grid.repeat_interleave(in_side)  # input row index
    gy = grid.repeat(in_side)             # input column index
    mx = c.repeat_interleave(out_side)
    my = c.repeat(out_side)
    W = torch.empty(out_side * out_side, in_side * in_side, dtype=torch.float32)
    for lo in range(0, W.shape[0], chunk):
        hi = min(lo + chunk, W.shape[0])
        dx = gx[None, :] - mx[lo:hi, None]
        dy = gy[None, :] - my[lo:hi, None]
        w = torch.exp(-0.5 * (dx / sigma) ** 2 - 0.5 * (dy / sigma) ** 2).float()
        if noise:
            w.mul_(torch.rand_like(w))
        if radius is not None:
            w.masked_fill_(torch.sqrt(dx * dx + dy * dy) > radius, 0)
        W[lo:hi] = w / w.sum(dim=1, keepdim=True)
    return W


def pws(x, lo, hi):
    out = (x - lo).div(hi - lo)
    out.masked_fill_(x <= lo, 0)
    out.masked_fill_(x >= hi, 1)
    return out


def model(retina, lgn, cortical):
    r_aff = lgn / 4 + 0.5
    r_exc = cortical / 10
    r_inh = cortical / 4 - 1
    sc = 0.5 * (r_aff / 6.5) * retina / lgn
    ss = 4 * sc
    r_lgn = 4.7 * ss
    C = field(retina, lgn, sc, r_lgn, False)
    S = field(retina, lgn, ss, r_lgn, False)
    return dict(on=C - S, off=S - C,
                A=field(lgn, cortical, r_aff / 1.3, r_aff, True),
                E=field(cortical, cortical, 0.78 * r_exc, r_exc, True),
                I=field(cortical, cortical, 2.08 * r_inh, r_inh, True))


def forward(m, x):
    on = pws(F.linear(x, m["on"]) * 2.33, 0.0, 1.0)
    off = pws(F.linear(x, m["off"]) * 2.33, 0.0, 1.0)
    inp = on + off
    s = 1.0 * F.linear(inp, m["A"])
    n = pws(s, 0.083, 0.633)
    for _ in range(9):
        e = 0.9 * F.linear(n, m["E"])
        i = 0.9 * F.linear(n, m["I"])
        n = pws(s + e - i, 0.083, 0.633)
    return n


def stimulus(size):
    x, y = np.meshgrid(np.arange(size), np.arange(size), indexing="ij")
    g = np.exp(-0.5 * ((x - size // 2) / 2.0) ** 2 - 0.5 * ((y - size // 2) / 2.0) ** 2)
    return torch.from_numpy(g.astype(np.float32).reshape(1, size * size))


def best(f, reps):
    f()
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


out = {}
with torch.no_grad():
    for name, cortical, reps in (("forward_36_s", 36, 50), ("forward_142_s", 142, 5)):
        t = time.perf_counter()
        m = model(36, 36, cortical)
        build = time.perf_counter() - t
        x = stimulus(36)
        out[name] = best(lambda: forward(m, x), reps)
        out[name.replace("forward", "build")] = build
        out[name.replace("forward", "weights_gb").replace("_s", "")] = sum(w.numel() * 4 for w in m.values()) / 1e9
        print(f"{name}: {out[name]*1e3:.2f} ms (build {build:.1f} s)", file=sys.stderr)
        del m
print(json.dumps(out))
