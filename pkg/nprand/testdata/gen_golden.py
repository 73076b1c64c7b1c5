"""Golden values of numpy's legacy RandomState for pkg/nprand.

Run by hand with Debian's python3 (numpy 1.24): /usr/bin/python3 gen_golden.py
Writes golden.json beside this script.
"""
import hashlib
import json
import os

import numpy as np

out = {}
np.random.seed(32844534)
out["seed"] = 32844534
out["rand"] = np.random.rand(8).tolist()
np.random.seed(32844534)
out["randn"] = np.random.randn(9).tolist()
out["rand_after_randn"] = np.random.rand(2).tolist()
np.random.seed(5)
out["randint_0_10"] = [int(v) for v in np.random.randint(0, 10, size=6)]
out["randint_m3_1000"] = [int(np.random.randint(-3, 1000)) for _ in range(5)]
np.random.seed(7)
out["permutation_10"] = np.random.permutation(10).tolist()
x = np.arange(130)
np.random.shuffle(x)
out["shuffle_130"] = x.tolist()
np.random.seed(0)
out["seed0_rand"] = np.random.rand(3).tolist()
out["seed0_uniform"] = np.random.uniform(-2.0, 3.0, size=3).tolist()
# 20 000 deviates through a hash: about 8 of them need glibc's exact
# logarithm (a correctly rounded log differs there by one ulp).
np.random.seed(123)
out["randn_20000_sha256"] = hashlib.sha256(np.random.randn(20000).astype("<f8").tobytes()).hexdigest()
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json"), "w") as f:
    json.dump(out, f, indent=1)
