#!/usr/bin/python3
"""Reference values for package gaussneuron, computed with numpy exactly as
the original notebook (grezesf/FGN---Research, 2.1.1 Visualization of Finite
Gaussian activity) computes them. Run by hand with Debian's numpy:

    /usr/bin/python3 gen_golden.py > golden.json
"""
import json
import numpy as np

X1 = np.arange(-8, 8.1, 0.1)
X2 = np.arange(-8, 8.1, 0.1)
X1s, X2s = np.meshgrid(X1, X2)
inputs = np.reshape(list(zip(X1s.flatten(), X2s.flatten())), (-1, 2))

W = [-1.0, -2.0]
center = [1, 2.0]
sig = 4.0
b = -np.matmul(W, center)
a = np.sum(W * inputs, axis=1) + b
r = np.exp((-1.0 / sig**2) * np.sum(np.square(inputs - center), axis=1))
maps = {
    "linear": a,
    "tanh_linear": np.tanh(a),
    "radial": r,
    "product": a * r,
    "tanh_product": np.tanh(a * r),
    "tanh_linear_times_radial": np.tanh(a) * r,
}

m = np.max([np.abs(np.min(a)), np.max(a)])
base = np.floor(np.log10(m))
rounded = (10**base) * (np.ceil(m / 10**base))
levels = np.arange(-rounded, rounded + 0.1, 10**(base - 1))
unit = np.arange(-1, 1.1, 0.1)
unit_incl = unit.copy()
unit_incl[-1] *= 1.001

idx = [0, 1, 160, 161, 12345, 100 * 161 + 90, 25920]
out = {
    "grid_len": len(X1),
    "inputs_shape": list(inputs.shape),
    "bias": float(b),
    "x1": X1.tolist(),
    "sample_index": idx,
    "maps": {k: [float(v[i]) for i in idx] for k, v in maps.items()},
    "map_sums": {k: float(np.sum(v)) for k, v in maps.items()},
    "linear_max_abs": float(m),
    "rounded_max": float(rounded),
    "levels": levels.tolist(),
    "ticks": levels[::5].tolist(),
    "unit_levels": unit.tolist(),
    "unit_levels_inclusive": unit_incl.tolist(),
    "product_levels": np.arange(-sig, sig + 0.1, 0.1).tolist(),
    "product_ticks": np.arange(-sig, sig + 1, 0.5).tolist(),
    "tanh_product_ticks": np.arange(-1, 1.1, 0.2).tolist(),
    "zero_line": (-(W[0] * X1 + b) / W[1]).tolist(),
}
print(json.dumps(out, indent=1))
