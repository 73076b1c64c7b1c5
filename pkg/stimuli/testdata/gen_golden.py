#!/usr/bin/python3
"""Reference images for package stimuli: pylissom's gaussian_generator
(hernanbari/pylissom @ c4f1d80, pylissom/utils/stimuli.py) and
scikit-image's transform.rotate, computed with Debian's numpy and
scikit-image 0.19. The generator is evaluated in float64 (pylissom casts to
float32; the script prints how far that float32 path is from the float64
one). Run by hand:

    /usr/bin/python3 gen_golden.py   # writes golden.npz beside this script
"""
import os

import numpy as np
from skimage.transform import rotate


def gaussian(x, y, mu_x, mu_y, sigma, sigma_y, dtype):
    x_w = np.divide(x - mu_x, sigma)
    y_h = np.divide(y - mu_y, sigma_y)
    return dtype(np.exp(-0.5 * x_w * x_w + -0.5 * y_h * y_h))


def generator(size, mu_x, mu_y, sigma_x, sigma_y, orientation, dtype=np.float64):
    g = np.fromfunction(lambda x, y: gaussian(x, y, mu_x, mu_y, sigma_x, sigma_y, dtype),
                        shape=(size, size), dtype=int)
    return rotate(g, orientation, mode='constant').astype(g.dtype)


cases = {
    "notebook_s2": (36, 18, 18, 2, 2, 0),
    "notebook_s3": (36, 18, 18, 3, 3, 0),
    "bar_30": (36, 18, 18, 0.75, 2.5, 30),
    "bar_117.5": (36, 18, 18, 0.75, 2.5, 117.5),
    "offcentre_-45": (24, 6.5, 15, 3, 1.2, -45),
    "odd_200": (25, 10, 13, 1.5, 4, 200),
}
out = {}
for name, args in cases.items():
    out[name] = generator(*args)
    f32 = generator(*args, dtype=np.float32)
    print(f"{name:16s} {args} max {out[name].max():.4f}  float32 path differs by {np.abs(f32 - out[name]).max():.2g}")
# A non-square image with a range that excludes 0 (exercises the clipping).
rng = np.random.RandomState(4)
img = 0.25 + rng.rand(7, 11)
out["rect_in"] = img
out["rect_33"] = rotate(img, 33, mode='constant')
np.savez_compressed(os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.npz"), **out)
