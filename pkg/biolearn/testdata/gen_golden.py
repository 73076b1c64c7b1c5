#!/usr/bin/python3
"""Reference values for pkg/biolearn from the original algorithm.

Run by hand with Debian's Python (numpy 1.24, SciPy 1.10.1):
    /usr/bin/python3 pkg/biolearn/testdata/gen_golden.py > pkg/biolearn/testdata/golden.json

The equations are those of Einlar/QLS-Project 00_Differential_Algorithm.ipynb
(class BioNeurons), written out again here with numpy: currents with the
Lebesgue exponent p, dh/dt with global inhibition, stationary activations as
solve_ivp(RK45) from 0 to 5*tau read at t_eval=[5*tau], the post-activation g,
dW/dt with the h_mu decay term, and one outer solve_ivp of the weights.
"""
import json
import numpy as np
from scipy.integrate import solve_ivp


def currents(v, W, p):
    return np.dot(np.sign(W) * np.abs(W) ** (p - 1), v)


def dh_dt(t, h, v, W, P):
    pos = h * (h > 0)
    inhibition = np.sum(pos) - pos
    return (currents(v, W, P["p"]) - P["w_inh"] * inhibition - h) / P["tau"]


def stationary(v, W, P):
    T = 5 * P["tau"]
    sol = solve_ivp(dh_dt, [0, T], np.zeros(W.shape[0]), args=(v, W, P), t_eval=[T])
    return sol.y.flatten(), sol.nfev


def g(h, h_star, delta):
    return np.where(h < 0, 0, np.where(h <= h_star, -delta, 1.0))


def dW_dt(t, y, v, P, shape, decay="activation"):
    W = y.reshape(shape)
    h, _ = stationary(v, W, P)
    post = g(h, P["h_star"], P["delta"])
    d = h if decay == "activation" else currents(v, W, P["p"])
    return ((np.outer(post, v) - (post * d).reshape(-1, 1) * W) / P["tau_L"]).flatten()


cases = []
rs = np.random.RandomState(20190416)
for name, n_in, n_out, P, T in [
    ("small_p4", 2, 4, dict(w_inh=0.3, delta=0.4, h_star=0.1, tau=1.0, tau_L=100.0, p=4.0), 5.0),
    ("mid_p3", 12, 6, dict(w_inh=0.5, delta=0.4, h_star=0.3, tau=0.5, tau_L=20.0, p=3.0), 2.0),
    ("mid_p2_5", 16, 5, dict(w_inh=0.8, delta=0.3, h_star=0.2, tau=1.0, tau_L=10.0, p=2.5), 3.0),
]:
    W = rs.normal(size=(n_out, n_in))
    v = rs.rand(n_in)
    h = rs.normal(size=n_out)
    I = currents(v, W, P["p"])
    dh = dh_dt(0.0, h, v, W, P)
    hs, nfev_inner = stationary(v, W, P)
    d = {}
    for decay in ("activation", "current"):
        d[decay] = dW_dt(0.0, W.flatten(), v, P, W.shape, decay).tolist()
    outer = solve_ivp(dW_dt, [0, T], W.flatten(), args=(v, P, W.shape), t_eval=[T])
    cases.append(dict(name=name, n_in=n_in, n_out=n_out, params=P, T=T,
                      W=W.flatten().tolist(), v=v.tolist(), h=h.tolist(),
                      currents=I.tolist(), dh_dt=dh.tolist(), stationary=hs.tolist(),
                      stationary_nfev=int(nfev_inner), dW_dt=d,
                      outer_W=outer.y.flatten().tolist(), outer_nfev=int(outer.nfev)))
print(json.dumps({"cases": cases}))
