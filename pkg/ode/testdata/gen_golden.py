#!/usr/bin/python3
"""Reference runs of scipy.integrate.solve_ivp(method="RK45") for pkg/ode.

Run by hand with Debian's Python (SciPy 1.10.1):
    /usr/bin/python3 pkg/ode/testdata/gen_golden.py > pkg/ode/testdata/golden.json
The problems are those of pkg/ode/odetest (same right-hand sides, written with
the same floating-point operations).
"""
import json, math
import numpy as np
import scipy
from scipy.integrate import solve_ivp

problems = {
    "exponential": (lambda t, y: [-y[0]], [1.0], 0.0, 1.0),
    "harmonic": (lambda t, y: [y[1], -y[0]], [1.0, 0.0], 0.0, 10.0),
    "logistic": (lambda t, y: [y[0] * (1 - y[0])], [0.1], 0.0, 10.0),
    "lotka_volterra": (lambda t, y: [1.5 * y[0] - 1 * y[0] * y[1], -3 * y[1] + 1 * y[0] * y[1]], [10.0, 5.0], 0.0, 15.0),
    "van_der_pol": (lambda t, y: [y[1], (1 - y[0] * y[0]) * y[1] - y[0]], [2.0, 0.0], 0.0, 20.0),
    "forced": (lambda t, y: [-2 * y[0] + math.sin(t)], [1.0], 0.0, 8.0),
}

cases = []
def case(name, problem, reverse=False, **opts):
    f, y0, t0, t1 = problems[problem]
    if reverse:  # integrate backwards from the exact end value
        t0, t1 = t1, t0
        y0 = [math.exp(-1.0)] if problem == "exponential" else y0
    sol = solve_ivp(lambda t, y: np.array(f(t, y)), (t0, t1), np.array(y0), method="RK45", **opts)
    out = {"name": name, "problem": problem, "t0": t0, "t1": t1, "y0": y0,
           "settings": {k: (list(map(float, v)) if isinstance(v, (list, np.ndarray)) else v) for k, v in opts.items()},
           "status": int(sol.status), "nfev": int(sol.nfev),
           "t": sol.t.tolist(), "y": sol.y.T.tolist()}
    cases.append(out)

for p in problems:
    case(p + "/default", p)
case("exponential/tight", "exponential", rtol=1e-8, atol=1e-10)
case("harmonic/tight", "harmonic", rtol=1e-9, atol=1e-12)
case("van_der_pol/tight", "van_der_pol", rtol=1e-6, atol=1e-9)
case("lotka_volterra/max_step", "lotka_volterra", max_step=0.1)
case("harmonic/t_eval", "harmonic", t_eval=np.linspace(0, 10, 11))
case("exponential/t_eval_end", "exponential", t_eval=[1.0])
case("forced/first_step", "forced", first_step=0.5)
case("exponential/backward", "exponential", reverse=True)
case("logistic/atol_vec", "logistic", atol=[1e-9], rtol=1e-5)

print(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__, "cases": cases}, indent=None))
