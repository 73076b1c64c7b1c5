#!/usr/bin/python3
"""Reference values for package localization. Run by hand with Debian's numpy,
scipy and torch 1.13:

    /usr/bin/python3 gen_golden.py > golden.json

Metrics follow leonlufkin/Localization @ 89921cd (viz_box.py: ipr,
position_mean_var, entropy_sort, mean_sort, var_sort; conv_emergence.py:
compute_entropy), rewritten here from their formulas. Argsorts use
kind='stable' (the original's default quicksort may order ties
differently). Gradients and SGD steps come from torch autograd and
torch.optim.SGD on the torch script's network (v_torch/conv_emergence.py:
Linear with bias, activation, mean over hidden units plus a fixed bias, MSE).
"""
import json
import numpy as np
import scipy.stats
import torch

rng = np.random.RandomState(20231005)


def compute_entropy(weights, low=-10, upp=10, delta=0.1, base=2):
    out = np.zeros(weights.shape[0])
    xs = np.arange(low, upp, delta)
    for n, w in enumerate(weights):
        count = np.zeros(len(xs) + 1)
        count[0] = np.sum(w < xs[0])
        for i in range(len(xs) - 1):  # overwrites count[0], leaves count[-2] empty
            count[i] = np.sum(w < xs[i + 1]) - np.sum(w < xs[i])
        count[-1] = np.sum(w >= xs[-1])
        out[n] = scipy.stats.entropy(count / count.sum(), base=base)
    return out


def ipr(w):
    return np.sum(w**4, axis=1) / np.sum(w**2, axis=1) ** 2


def position_mean_var(w):
    m = w**2 / np.sum(w**2, axis=-1).reshape(-1, 1)
    x = np.arange(w.shape[-1])
    first = np.sum(x * m, axis=-1)
    return first, np.sum(x * x * m, axis=-1) - first**2


def entropy_sort(w, center_sort):
    l = w.shape[0]
    order = np.argsort(compute_entropy(w), kind="stable")
    if center_sort:
        head = w[order[: l // 2]]
        centres = np.mean(np.abs(head) * np.arange(head.shape[1]), axis=1)
        order[: l // 2] = order[: l // 2][np.argsort(centres, kind="stable")]
    return order


# Weights: localized bumps and dips of width ~5, noisy rows, and one row
# probing the histogram edges (below −10, exactly on edges, ≥ 9.9).
K, L = 12, 40
W = 0.1 * rng.randn(K, L)
pos = np.arange(L)
for k, (c, s) in enumerate([(5, 1), (30, -1), (17, 1), (25, -1), (11, 1), (36, 1)]):
    W[2 * k] += s * 0.6 * np.exp(-((pos - c) ** 2) / 6.0)
xs = np.arange(-10, 10, 0.1)
W[3, :8] = [-10.5, xs[0], xs[1], xs[57], xs[-1], 9.95, 10.2, xs[100]]

metrics = {
    "K": K, "L": L, "w": W.ravel().tolist(),
    "edges_sample": [xs[0], xs[1], xs[57], xs[100], xs[-1]], "edges_len": len(xs),
    "ipr": ipr(W).tolist(),
    "pos_mean": position_mean_var(W)[0].tolist(),
    "pos_var": position_mean_var(W)[1].tolist(),
    "entropy": compute_entropy(W).tolist(),
    "entropy_sort": entropy_sort(W, False).tolist(),
    "entropy_center_sort": entropy_sort(W, True).tolist(),
    "mean_sort": np.argsort(position_mean_var(W)[0], kind="stable").tolist(),
    "var_sort": np.argsort(position_mean_var(W)[1], kind="stable").tolist(),
}

# Network gradients and three SGD steps (torch, float64).
torch.set_default_dtype(torch.float64)
Kn, Ln, N = 5, 7, 6
W0 = rng.randn(Kn, Ln) / np.sqrt(Ln)
b0 = 0.3 * rng.randn(Kn)
X = [np.sign(rng.randn(N, Ln)) * rng.uniform(0.5, 1.5, (N, Ln)) for _ in range(3)]
Y = [np.where(rng.rand(N) < 0.5, 1.0, -1.0) for _ in range(3)]
acts = {"tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu}
cases = []
for name, act in acts.items():
    for bias in [True, False]:
        w = torch.tensor(W0, requires_grad=True)
        b = torch.tensor(b0 if bias else np.zeros(Kn), requires_grad=bias)
        params = [w, b] if bias else [w]
        opt = torch.optim.SGD(params, lr=0.7)
        steps = []
        for t in range(3):
            x, y = torch.tensor(X[t]), torch.tensor(Y[t])
            pred = act(x @ w.T + b).mean(dim=1) + 0.25
            loss = torch.nn.functional.mse_loss(pred, y)
            opt.zero_grad()
            loss.backward()
            acc = ((pred > 0) == (y > 0)).double().mean()
            steps.append({"pred": pred.tolist(), "loss": loss.item(), "acc": acc.item(),
                          "dw": w.grad.numpy().ravel().tolist(),
                          "db": b.grad.tolist() if bias else None})
            opt.step()
        cases.append({"act": name, "bias": bias, "steps": steps,
                      "w_final": w.detach().numpy().ravel().tolist(),
                      "b_final": b.detach().tolist() if bias else None})

print(json.dumps({"metrics": metrics,
                  "net": {"K": Kn, "L": Ln, "N": N, "lr": 0.7, "readout_bias": 0.25,
                          "w0": W0.ravel().tolist(), "b0": b0.tolist(),
                          "x": [x.ravel().tolist() for x in X], "y": [y.tolist() for y in Y],
                          "cases": cases}}))
