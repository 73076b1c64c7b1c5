#!/usr/bin/python3
"""Times scipy.optimize.curve_fit on the three fits of seed 002's analysis,
with the data of pkg/fit/testdata/golden.json (the Python side of
scripts/bench/fit_bench.sh). Prints JSON: best seconds per fit.

    /usr/bin/python3 scripts/bench/fit_scipy.py
"""
import json
import os
import time

import numpy as np
from scipy.optimize import curve_fit

ricker = lambda t, a, b, sigma: a*(1-(t/sigma)**2)*np.exp(-t**2/(2*sigma**2))+b
gauss = lambda t, a, b, sigma: a*np.exp(-t**2/(2*sigma**2))+b
models = {"ricker": ricker, "gaussian": gauss}

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "../../pkg/fit/testdata/golden.json")) as f:
    problems = {p["name"]: p for p in json.load(f)["problems"]}


def best(name, reps=7, inner=50):
    p = problems[name]
    f, x, y, p0 = models[p["model"]], np.array(p["x"]), np.array(p["y"]), p["p0"]
    ts = []
    for _ in range(reps):
        t = time.perf_counter()
        for _ in range(inner):
            curve_fit(f, x, y, p0=p0)
        ts.append((time.perf_counter() - t) / inner)
    return min(ts)


print(json.dumps({name: best(name) for name in
                  ["ricker_seed_row_mean", "ricker_seed_matrix", "gaussian_tuning"]}))
