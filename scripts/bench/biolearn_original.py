#!/usr/bin/python3
"""Times the original algorithm of notebook 03 (Einlar/QLS-Project,
00_Differential_Algorithm.ipynb) with numpy + SciPy on this machine, for the
side-by-side in BENCHMARKS.md: one outer solve_ivp of the weights over [0, 5]
(784 inputs, 15 hidden units, the notebook's "%time" cell) and the whole
300-presentation training loop (without the per-step figure saving).
The BioNeurons equations are written out again with the same numpy calls.
MNIST comes from the GoMNIST module's idx files (path as argument).
Prints JSON: seconds.

    /usr/bin/python3 scripts/bench/biolearn_original.py MNIST_DATA_DIR [presentations [seed]]
"""
import gzip
import json
import os
import random
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp

P = dict(w_inh=15.0, delta=0.4, h_star=0.8, tau=1.0, tau_L=100.0, p=2.0)
SHAPE = (15, 784)


def currents(v, W, p):
    return np.dot(np.sign(W) * np.abs(W) ** (p - 1), v)


def dh_dt(t, h, v, W):
    pos = h * (h > 0)
    inhibition = np.sum(pos) - pos
    return (currents(v, W, P["p"]) - P["w_inh"] * inhibition - h) / P["tau"]


def stationary(v, W):
    T = 5 * P["tau"]
    return solve_ivp(dh_dt, [0, T], np.zeros(W.shape[0]), args=(v, W), t_eval=[T]).y.flatten()


def g(h):
    return np.where(h < 0, 0, np.where(h <= P["h_star"], -P["delta"], 1.0))


def dW_dt(t, y, v):
    W = y.reshape(SHAPE)
    h = stationary(v, W)
    post = g(h)
    return ((np.outer(post, v) - (post * h).reshape(-1, 1) * W) / P["tau_L"]).flatten()


def load_mnist(d):
    X = []
    for name in ("train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz"):
        with gzip.open(os.path.join(d, name)) as f:
            X.append(np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784))
    return np.concatenate(X).astype(float) / 255.0


def main():
    X = load_mnist(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    np.random.seed(seed)
    random.seed(seed)
    W = np.random.normal(size=SHAPE)
    x = X[0]  # the first MNIST image (a 5), as BenchmarkPresent
    t0 = time.perf_counter()
    reps = 5
    for _ in range(reps):
        sol = solve_ivp(dW_dt, [0, 5], W.flatten(), args=(x,), t_eval=[5])
    one = (time.perf_counter() - t0) / reps
    t0 = time.perf_counter()
    for i in range(n):
        x = random.choice(X)
        T = 25.0 - (25.0 - 5) / 300 * i
        sol = solve_ivp(dW_dt, [0, T], W.flatten(), args=(x,), t_eval=[T])
        W = sol.y.reshape(SHAPE)
        norms = np.sum(np.abs(W) ** P["p"], axis=1)
    train = time.perf_counter() - t0
    print(json.dumps({"one_solve_s": one, "one_solve_nfev": int(sol.nfev), "train_s": train,
                      "presentations": n, "norms": norms.tolist(),
                      "rows_on_sphere": int(np.sum((norms > 1.004) & (norms < 1.012)))}))


main()
