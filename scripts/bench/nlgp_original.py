#!/usr/bin/python3
"""Times notebook 04's work in Python for the side-by-side in BENCHMARKS.md:

  torch_s   1000 training steps as the script that produced the original's
            figures runs them (leonlufkin/Localization @ 89921cd,
            v_torch/conv_emergence.py): per step a binomial class split,
            numpy.random.multivariate_normal per class (an SVD of the 40×40
            covariance each call), erf, a float32 torch network with bias,
            MSE, SGD lr 1, and the IPR every 10 steps.
  numpy_s   the same 1000 steps written in numpy as the Go port computes
            them: one square root of each covariance up front, float64,
            hand-written gradients.
  entropy_s compute_entropy (conv_emergence.py's binning) of the 10
            snapshots of 100×40 weights that the notebook plots.
  figures_s the original's six figures (viz_box.plot_receptive_fields and
            the notebook's matplotlib cells, at their figsize, 100 dpi,
            PNG, Agg), including the IPR/entropy/sort computations they
            need, from ten snapshots.

JAX (the seed's own training path) is not installed here. Prints JSON.

    /usr/bin/python3 scripts/bench/nlgp_original.py
"""
import json
import time

import numpy as np
import scipy.stats
from scipy.special import erf
import torch

L, K, B, STEPS, LR, XI1, XI2, GAIN = 40, 100, 100, 1000, 1.0, 4.47, 0.1, 100.0


def Z(g):
    return np.sqrt((2 / np.pi) * np.arcsin(g**2 / (1 + g**2)))


def cov(xi):
    d = np.abs(np.arange(L)[:, None] - np.arange(L)[None, :])
    return np.exp(-d**2 / xi**2)


def torch_run(snapshots=None):
    np.random.seed(0)
    torch.manual_seed(0)
    ff1 = torch.nn.Linear(L, K)
    ff1.weight.data.normal_(0, 1 / np.sqrt(L))
    ff1.bias.data.zero_()
    opt = torch.optim.SGD(ff1.parameters(), lr=LR)
    C1, C2 = cov(XI1), cov(XI2)
    accs = []
    for step in range(STEPS):
        n1 = np.random.binomial(B, 0.5)
        x1 = erf(GAIN * np.random.multivariate_normal(np.zeros(L), C1, size=n1)) / Z(GAIN)
        x2 = erf(GAIN * np.random.multivariate_normal(np.zeros(L), C2, size=B - n1)) / Z(GAIN)
        perm = np.random.permutation(B)
        X = torch.from_numpy(np.concatenate([x1, x2])[perm]).float()
        y = torch.tensor(np.concatenate([np.ones(n1), -np.ones(B - n1)])[perm]).float()
        yhat = torch.tanh(ff1(X)).mean(dim=1)
        loss = torch.nn.functional.mse_loss(yhat, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        accs.append(((yhat > 0) == (y > 0)).float().mean().item())
        if step % 10 == 0:
            w = ff1.weight.detach().numpy()
            _ = (w**4).sum(1) / ((w**2).sum(1)) ** 2
        if snapshots is not None and (step + 1) % 100 == 0:
            snapshots.append(ff1.weight.detach().numpy().astype(np.float64).copy())
    return float(np.mean(accs[-100:]))


def sqrt_factor(C):
    lam, V = np.linalg.eigh(C)
    return V * np.sqrt(np.clip(lam, 0, None))


def numpy_run():
    rng = np.random.default_rng(0)
    A = [sqrt_factor(cov(XI1)), sqrt_factor(cov(XI2))]
    W = rng.standard_normal((K, L)) / np.sqrt(L)
    b = np.zeros(K)
    accs = []
    for step in range(STEPS):
        y = np.where(rng.random(B) < 0.5, 1.0, -1.0)
        eps = rng.standard_normal((B, L))
        z = np.where((y > 0)[:, None], eps @ A[0].T, eps @ A[1].T)
        X = erf(GAIN * z) / Z(GAIN)
        h = np.tanh(X @ W.T + b)
        yhat = h.mean(1)
        G = (2 / B) * (yhat - y)[:, None] / K * (1 - h * h)
        W -= LR * (G.T @ X)
        b -= LR * G.sum(0)
        accs.append(np.mean((yhat > 0) == (y > 0)))
        if (step + 1) % 100 == 0:
            _ = W.copy()
    return float(np.mean(accs[-100:]))


def compute_entropy(weights, low=-10, upp=10, delta=0.1, base=2):
    out = np.zeros(weights.shape[0])
    xs = np.arange(low, upp, delta)
    for n, w in enumerate(weights):
        count = np.zeros(len(xs) + 1)
        count[0] = np.sum(w < xs[0])
        for i in range(len(xs) - 1):
            count[i] = np.sum(w < xs[i + 1]) - np.sum(w < xs[i])
        count[-1] = np.sum(w >= xs[-1])
        out[n] = scipy.stats.entropy(count / count.sum(), base=base)
    return out


def figures(weights):
    import io
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def save(fig):
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=100)
        plt.close(fig)

    ev = 100
    # 1: receptive fields, entropy sort with centre sort, 1×20 grid (figsize 40×20)
    last = weights[-1]
    order = np.argsort(compute_entropy(last))
    head = last[order[:50]]
    order[:50] = order[:50][np.argsort(np.mean(np.abs(head) * np.arange(head.shape[1]), axis=1))]
    fig, axs = plt.subplots(1, 20, figsize=(40, 20))
    lo, hi = weights.min(), weights.max()
    for i, (w, ax) in enumerate(zip(weights, axs)):
        ax.imshow(w[order], cmap="gray", vmin=lo, vmax=hi)
        ax.set_xlabel(ev * i)
        ax.set_xticks([])
        if i:
            ax.set_yticks([])
    for ax in axs[len(weights):]:
        ax.remove()
    save(fig)
    # 2: metrics
    ipr_ = np.stack([(w**4).sum(1) / ((w**2).sum(1)) ** 2 for w in weights])
    ent_ = np.stack([compute_entropy(w) for w in weights])
    fig, axs = plt.subplots(2, 2, figsize=(10, 5))
    for ax, m in zip(axs.flatten(), [np.zeros(10), np.zeros(10), ipr_, ent_]):
        ax.plot(ev * np.arange(len(m)), m)
    fig.tight_layout()
    save(fig)
    # 3: six units
    fig, (a1, a2, a3) = plt.subplots(3, 1, figsize=(10, 5))
    a1.imshow(weights[-1][:6], cmap="gray")
    a2.plot(weights[-1][[0, 2, 3, 5]].T)
    a3.plot(weights[-1][[1, 4]].T)
    fig.tight_layout()
    save(fig)
    # 4, 5: over training
    fig, axs = plt.subplots(6, 1, figsize=(10, 12), sharex=True, sharey=True)
    for i, ax in enumerate(axs):
        ax.plot(weights[:, i, :].T)
    save(fig)
    fig, axs = plt.subplots(10, 1, figsize=(10, 16), sharex=True, sharey=True)
    for i, ax in enumerate(axs):
        ax.plot(weights[i, :6, :].T)
    save(fig)
    # 6: magnitudes
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(12, 4))
    a1.plot(np.arange(1, 11) * ev, np.max(np.abs(weights), axis=2))
    a2.plot(np.arange(1, 11) * ev, np.mean(np.abs(weights), axis=2))
    save(fig)


def best(f, reps):
    times, out = [], None
    for _ in range(reps):
        t = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t)
    return min(times), out


ts, acc_t = best(torch_run, 2)
tn, acc_n = best(numpy_run, 3)
snaps = []
torch_run(snaps)
snaps = np.stack(snaps)
te, _ = best(lambda: [compute_entropy(s) for s in snaps], 2)
tf, _ = best(lambda: figures(snaps), 2)
print(json.dumps({"torch_s": ts, "torch_acc": acc_t, "numpy_s": tn, "numpy_acc": acc_n,
                  "entropy_s": te, "figures_s": tf, "torch_threads": torch.get_num_threads()}))
