#!/usr/bin/python3
"""Reference values for package nlgp, computed with numpy by the formulas of
leonlufkin/Localization @ 89921cd (datasets/nonlinear_gp.py) and Ingrosso &
Goldt (sgoldt/conv_emerge). Run by hand with Debian's numpy:

    /usr/bin/python3 gen_golden.py > golden.json
"""
import json
import numpy as np


def Z(g):
    # the seed's normaliser
    return np.sqrt((2 / np.pi) * np.arcsin(g**2 / (1 + g**2)))


def cov(L, xi):
    d = np.abs(np.arange(L)[:, None] - np.arange(L)[None, :])
    return np.exp(-d**2 / xi**2)


def moment(rho, a, s):
    # E[erf(a z_i) erf(a z_j)] / s^2 for unit-variance z with correlation rho
    return (2 / np.pi) * np.arcsin(2 * a**2 * rho / (1 + 2 * a**2)) / s**2


out = {"z": {}, "variance": {}, "moments": []}
for g in [0.5, 1.1, 3.0, 100.0]:
    out["z"][repr(g)] = float(Z(g))
    out["variance"][repr(g)] = {
        "lufkin2023": float(moment(1.0, g, Z(g))),
        "unit_variance": float(moment(1.0, g / np.sqrt(2), Z(g))),
    }
for xi, g in [(4.47, 100.0), (1.1, 1.1), (0.1, 100.0)]:
    rho = cov(8, xi)[0]
    out["moments"].append({"xi": xi, "gain": g,
                           "lufkin2023": moment(rho, g, Z(g)).tolist(),
                           "unit_variance": moment(rho, g / np.sqrt(2), Z(g)).tolist()})
out["cov_L6_xi4.47"] = cov(6, 4.47).ravel().tolist()
print(json.dumps(out, indent=1))
