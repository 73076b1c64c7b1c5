#!/usr/bin/python3
"""Times the original notebook's computation (numpy) and one filled-contour
figure (matplotlib, Agg, PNG at 6.4x4.8 in, 100 dpi), as the original does
them, for the side-by-side in BENCHMARKS.md. Prints JSON: seconds per run.

    /usr/bin/python3 scripts/bench/gaussneuron_original.py
"""
import io
import json
import time

import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import cm


def maps():
    X1 = np.arange(-8, 8.1, 0.1)
    X2 = np.arange(-8, 8.1, 0.1)
    X1s, X2s = np.meshgrid(X1, X2)
    # the original used Python 2's zip (a list); list() is the Python 3 equivalent
    inputs = np.reshape(list(zip(X1s.flatten(), X2s.flatten())), (-1, 2))
    W = [-1.0, -2.0]
    center = [1, 2.0]
    sig = 4.0
    b = -np.matmul(W, center)
    a = np.sum(W * inputs, axis=1) + b
    r = np.exp((-1.0 / sig**2) * np.sum(np.square(inputs - center), axis=1))
    out = [a, np.tanh(a), r, a * r, np.tanh(a * r), np.tanh(a) * r]
    return X1, X1s, X2s, out, b, W


def figure(X1, X1s, X2s, a, b, W):
    zero_line = -(W[0] * X1 + b) / W[1]
    fig = plt.figure()
    plt.plot(X1, zero_line, color="black")
    m = np.max([np.abs(np.min(a)), np.max(a)])
    base = np.floor(np.log10(m))
    rounded = (10**base) * (np.ceil(m / 10**base))
    levels = np.arange(-rounded, rounded + 0.1, 10**(base - 1))
    plt.contourf(X1s, X2s, np.reshape(a, np.shape(X1s)), levels=levels, cmap=cm.RdYlBu_r)
    plt.colorbar(ticks=levels[::5])
    plt.axis([-8, 8, -8, 8])
    plt.grid(True)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    return buf.getbuffer().nbytes


def best(f, n):
    ts = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    return min(ts)


X1, X1s, X2s, out, b, W = maps()
figure(X1, X1s, X2s, out[0], b, W)  # warm up font caches
print(json.dumps({
    "maps_s": best(maps, 20),
    "figure_s": best(lambda: figure(X1, X1s, X2s, out[0], b, W), 10),
}))
