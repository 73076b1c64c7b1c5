#!/usr/bin/python3
"""Reference weight grids for figures.LissomWeightGrid: pylissom's
plot_layer_weights (hernanbari/pylissom @ c4f1d80,
pylissom/utils/plotting/layers.py) reshapes a layer's (out, in) weights to
(out, 1, side, side) and calls torchvision.utils.make_grid(normalize=True,
nrow=floor(sqrt(out)), range=R). Here with Debian's torchvision 0.14
(range is called value_range there) on layers built from pylissom's
formulas (see pkg/lissom/testdata/gen_golden.py). Run by hand:

    /usr/bin/python3 lissom_make_grid.py   # writes lissom_make_grid.npz
"""
import os

import numpy as np
import torch
from torchvision.utils import make_grid


def gauss(in_f, out_f, sigma):
    s_in, s_out = int(in_f ** 0.5), int(out_f ** 0.5)
    rows = []
    for i in np.linspace(0, s_in - 1, s_out):
        for j in np.linspace(0, s_in - 1, s_out):
            m = np.fromfunction(lambda x, y: np.exp(-0.5 * ((x - i) / sigma) ** 2 - 0.5 * ((y - j) / sigma) ** 2),
                                shape=(s_in, s_in), dtype=int)
            rows.append(m.reshape(in_f))
    return torch.tensor(np.asarray(rows), dtype=torch.float32)


def grid(w, value_range):
    out_f, in_f = w.shape
    side = int(in_f ** 0.5)
    g = make_grid(w.view(out_f, 1, side, side), normalize=True, nrow=int(out_f ** 0.5), value_range=value_range)
    return g[0].double().numpy()  # the three channels are equal


out = {
    # UnnormalizedDifferenceOfGaussiansLinear(24², 5², on=False, 5, 1), range (-1, 1)
    "unnorm_dog": grid(gauss(576, 25, 5.0) - gauss(576, 25, 1.0), (-1, 1)),
    # GaussianLinear(10², 3², σ 2) with use_range=False (min–max of all weights)
    "gauss_minmax": grid(gauss(100, 9, 2.0), None),
}
for k, v in out.items():
    print(k, v.shape)
np.savez_compressed(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lissom_make_grid.npz"), **out)
