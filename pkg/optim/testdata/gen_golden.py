"""torch.optim.Adam trajectory for pkg/optim (run by hand with Debian's
python3, torch 1.13): /usr/bin/python3 gen_golden.py -> golden.json

Minimises f(p) = sum(c * (p - t)**2) + sum(sin(3 p)) from p0 for 25 steps
with lr 0.05 and torch's defaults, float64.
"""
import json
import os

import torch

torch.set_default_dtype(torch.float64)
p0 = [0.3, -1.2, 2.5, 0.0, 1e-3]
c = torch.tensor([1.0, 0.5, 2.0, 3.0, 0.1])
t = torch.tensor([1.0, 2.0, -1.0, 0.5, 0.0])
p = torch.tensor(p0, requires_grad=True)
opt = torch.optim.Adam([p], lr=0.05)
traj = []
for _ in range(25):
    opt.zero_grad()
    f = (c * (p - t) ** 2).sum() + torch.sin(3 * p).sum()
    f.backward()
    opt.step()
    traj.append(p.detach().tolist())
out = {"p0": p0, "c": c.tolist(), "t": t.tolist(), "lr": 0.05, "trajectory": traj}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json"), "w") as fh:
    json.dump(out, fh)
