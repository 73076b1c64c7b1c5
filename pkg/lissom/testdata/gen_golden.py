#!/usr/bin/python3
"""Reference values for package lissom, computed from the formulas of
pylissom (hernanbari/pylissom @ c4f1d80: nn/functional/weights.py,
math.py, nn/modules/{linear,lissom}.py, utils/stimuli.py) with numpy and
torch, dense weight matrices of shape (out, in). pylissom works in float32;
the golden values are computed in float64 (DTYPE below) so that the Go
package, which works in float64, can be held to 1e-9; the script prints how
far pylissom's float32 arithmetic is from them (about 1.5e-6 after the ten
sigmoid applications of settling).
Row normalisation is the row-wise L1 pylissom intended (see the package
documentation). Cortex clouds are random in the original, so the settling
test uses the noise-free masked, normalised Gaussian in their place.
Run by hand with Debian's numpy and torch:

    /usr/bin/python3 gen_golden.py   # writes golden.npz beside this script
"""
import os

import numpy as np
import torch

torch.set_num_threads(1)


DTYPE = np.float64


def gaussian(x, y, mu_x, mu_y, sigma):
    x_w = np.divide(x - mu_x, sigma)
    y_h = np.divide(y - mu_y, sigma)
    return DTYPE(np.exp(-0.5 * x_w * x_w + -0.5 * y_h * y_h))


def distances(x, y, mu_x, mu_y):
    return np.sqrt((x - mu_x) ** 2 + (y - mu_y) ** 2)


def between_maps(in_features, out_features, fn):
    """fn evaluated for each output neuron centred on the input grid."""
    s_in, s_out = int(in_features ** 0.5), int(out_features ** 0.5)
    rows = []
    for i in np.linspace(0, s_in - 1, s_out):
        for j in np.linspace(0, s_in - 1, s_out):
            m = np.fromfunction(lambda x, y: fn(x, y, i, j), shape=(s_in, s_in), dtype=int)
            rows.append(np.reshape(m, in_features))
    return np.asarray(rows)


def gauss_w(i, o, sigma):
    return torch.from_numpy(between_maps(i, o, lambda x, y, a, b: gaussian(x, y, a, b, sigma)))


def mask(w, i, o, radius):
    d = between_maps(i, o, distances)
    return w.masked_fill(torch.from_numpy(d > radius), 0)


def normalize(w):
    return w / w.norm(p=1, dim=1, keepdim=True)


def smooth_cortex(i, o, radius, sigma):
    return normalize(mask(gauss_w(i, o, sigma), i, o, radius))


def dog(i, o, on, radius, ss, sc):
    c = normalize(mask(gauss_w(i, o, sc), i, o, radius))
    s = normalize(mask(gauss_w(i, o, ss), i, o, radius))
    return c - s if on else s - c


def unnorm_dog(i, o, on, ss, sc):
    c, s = gauss_w(i, o, sc), gauss_w(i, o, ss)
    return c - s if on else s - c


def pws(x, lo, hi):
    out = (x - lo) / (hi - lo)
    out = out.masked_fill(x <= lo, 0)
    return out.masked_fill(x >= hi, 1)


def reduced_lissom(x, A, E, I, lo, hi, steps, ga, ge, gi):
    rec = {}
    s = ga * (A @ x)
    rec["aff_out"] = A @ x
    n = pws(s, lo, hi)
    for _ in range(steps):
        e, inh = E @ n, I @ n
        rec["lat_in"], rec["exc_out"], rec["inh_out"] = n.clone(), e, inh
        n = pws(s + ge * e - gi * inh, lo, hi)
    return n, rec


def stimulus(size, mu_x, mu_y, sigma):
    # gaussian_generator with orientation 0 (rotation is the identity)
    return np.fromfunction(lambda x, y: gaussian(x, y, mu_x, mu_y, sigma), shape=(size, size), dtype=int)


def compute():
    out = {}
    # Weight builders on small sheets (12² → 4²: centres 0, 11/3, 22/3, 11).
    out["gauss_144_16_s2.5"] = gauss_w(144, 16, 2.5)
    out["cortex_smooth_144_16_r4_s3"] = smooth_cortex(144, 16, 4.0, 3.0)
    out["cortex_smooth_144_144_r2.5_s1.7"] = smooth_cortex(144, 144, 2.5, 1.7)
    out["dog_on_121_16_r3.5_s2_c0.8"] = dog(121, 16, True, 3.5, 2.0, 0.8)
    out["dog_off_121_16_r3.5_s2_c0.8"] = dog(121, 16, False, 3.5, 2.0, 0.8)
    out["unnorm_dog_off_576_25_s5_c1"] = unnorm_dog(576, 25, False, 5.0, 1.0)[::4]  # rows 0,4,..,24

    # Piecewise sigmoid.
    xs = torch.tensor(np.linspace(-0.5, 1.5, 41))
    out["pws_x"] = xs
    out["pws_0.083_0.633"] = pws(xs, 0.083, 0.633)

    # The notebook's parameters at density 36.
    d = 36
    n = d * d
    r_aff = d / 4 + 0.5
    r_exc = d / 10
    r_inh = d / 4 - 1
    scale = r_aff / 6.5
    sc = 0.5 * scale
    ss = 4 * sc
    r_lgn = 4.7 * ss
    x = torch.from_numpy(stimulus(d, d // 2, d // 2, 2).reshape(n))
    x3 = torch.from_numpy(stimulus(d, d // 2, d // 2, 3).reshape(n))
    out["stim_s2"] = x

    # LGN demo cell: on (derived sigmas) minus off (sigma_s 5, sigma_c 2), strength 1, times 2.33.
    on_t = pws(1.0 * (dog(n, n, True, r_lgn, ss, sc) @ x3), 0.0, 1.0)
    off_t = pws(1.0 * (dog(n, n, False, r_lgn, 5.0, 2.0) @ x3), 0.0, 1.0)
    out["lgn_demo"] = (on_t - off_t) * 2.33

    # Full model with noise-free cortices.
    W_on, W_off = dog(n, n, True, r_lgn, ss, sc), dog(n, n, False, r_lgn, ss, sc)
    lgn_on = pws((W_on @ x) * 2.33, 0.0, 1.0)
    lgn_off = pws((W_off @ x) * 2.33, 0.0, 1.0)
    A = smooth_cortex(n, n, r_aff, r_aff / 1.3)
    E = smooth_cortex(n, n, r_exc, 0.78 * r_exc)
    I = smooth_cortex(n, n, r_inh, 2.08 * r_inh)
    v1, rec = reduced_lissom(lgn_on + lgn_off, A, E, I, 0.083, 0.083 + 0.55, 9, 1.0, 0.9, 0.9)
    out["lgn_on"], out["lgn_off"], out["v1"] = lgn_on, lgn_off, v1
    for k, v in rec.items():
        out["v1_" + k] = v
    # V1 alone on the stimulus times 2.33 (the ReducedLissom cell).
    v1s, _ = reduced_lissom(x * 2.33, A, E, I, 0.083, 0.633, 9, 1.0, 0.9, 0.9)
    out["v1_direct"] = v1s

    # Settling with unmasked GaussianLinear weights on a 10×10 sheet.
    G1, G2, G3 = gauss_w(100, 100, 1.5), gauss_w(100, 100, 1.0), gauss_w(100, 100, 3.0)
    xg = torch.from_numpy(stimulus(10, 4, 6, 1.5).reshape(100))
    vg, _ = reduced_lissom(xg, G1, G2, G3, 0.2, 0.9, 5, 0.15, 0.1, 0.02)
    out["gl_v1"] = vg

    return out


out = compute()
DTYPE = np.float32
out32 = compute()
for k in out:
    print(f"{k:36s} {tuple(out[k].shape)} min {float(out[k].min()):+.4f} max {float(out[k].max()):+.4f}"
          f"  float32 pylissom differs by {float((out32[k].double() - out[k].double()).abs().max()):.2g}")
np.savez_compressed(os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.npz"),
                    **{k: v.numpy().astype(np.float64) for k, v in out.items()})
