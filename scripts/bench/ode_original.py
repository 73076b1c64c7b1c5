#!/usr/bin/python3
"""Times scipy.integrate.solve_ivp(method="RK45") on the problems of
pkg/ode's benchmarks, for the side-by-side in BENCHMARKS.md. Prints JSON:
seconds per solve.

    /usr/bin/python3 scripts/bench/ode_original.py
"""
import json
import time

import numpy as np
from scipy.integrate import solve_ivp


def timeit(f, reps):
    f()
    t0 = time.perf_counter()
    for _ in range(reps):
        f()
    return (time.perf_counter() - t0) / reps


vdp = lambda t, y: np.array([y[1], (1 - y[0] * y[0]) * y[1] - y[0]])
n = 15 * 784
y0 = (np.arange(n) % 17) / 17.0
out = {
    "van_der_pol_s": timeit(lambda: solve_ivp(vdp, (0, 20), [2.0, 0.0], t_eval=[20.0]), 20),
    "large_linear_s": timeit(lambda: solve_ivp(lambda t, y: -y, (0, 5), y0, t_eval=[5.0]), 20),
}
print(json.dumps(out))
