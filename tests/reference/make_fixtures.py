#!/usr/bin/env python3
"""Writes the PyTorch reference values that tests/NotebookKit.Tests/Reference/*.cs compare against.

Run from the repository root:  /usr/bin/python3 tests/reference/make_fixtures.py

Deterministic: every input comes from torch.manual_seed(...) or arange, and floats are written with 9
significant digits (enough to round-trip float32). Each op case records
    inputs  : [{shape, data, requires_grad}]      (class targets are stored as float tensors)
    weight  : the fixed upstream weights w; grads are of (out * w).sum()
    output  : forward result
    grads   : d/d input for every input with requires_grad (null otherwise)
The C# op lambdas must compute the same function as the Python ones below (same names).
"""
import json
import os

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float32)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")


def enc(t):
    t = t.detach().to(torch.float32)
    return {"shape": list(t.shape), "data": [float(f"{v:.9g}") for v in t.reshape(-1).tolist()]}


def randn(*shape):
    return torch.randn(*shape)


def uniform(lo, hi, *shape):
    return lo + (hi - lo) * torch.rand(*shape)


def away(t, margin=0.1):
    """Push values out of (-margin, margin): no kinks (abs, relu, clamp edges) near the inputs."""
    return torch.where(t.abs() < margin, t.sign() * margin + t, t)


def case(fn, inputs, grad_mask=None):
    grad_mask = grad_mask or [True] * len(inputs)
    leaves = [x.clone().requires_grad_(g) for x, g in zip(inputs, grad_mask)]
    out = fn(*leaves)
    w = torch.randn(out.shape)
    if any(grad_mask):
        (out * w).sum().backward()
    return {
        "inputs": [dict(enc(x), requires_grad=g) for x, g in zip(inputs, grad_mask)],
        "weight": enc(w),
        "output": enc(out),
        "grads": [enc(l.grad) if g else None for l, g in zip(leaves, grad_mask)],
    }


def ops():
    torch.manual_seed(0)
    c = {}
    # element-wise binary, with broadcasting
    c["add_broadcast"] = case(lambda a, b: a + b, [randn(3, 1, 4), randn(2, 1)])
    c["add_row_bias"] = case(lambda a, b: a + b, [randn(5, 3), randn(3)])
    c["sub_broadcast"] = case(lambda a, b: a - b, [randn(4, 3), randn(3)])
    c["sub_scalar_left"] = case(lambda a, b: a - b, [randn(()), randn(2, 3)])
    c["mul_scalar"] = case(lambda a, b: a * b, [randn(2, 3), randn(())])
    c["mul_broadcast_both"] = case(lambda a, b: a * b, [randn(4, 1), randn(1, 5)])
    c["div_broadcast"] = case(lambda a, b: a / b, [randn(3, 4), uniform(0.5, 2.0, 3, 1)])
    c["neg"] = case(lambda a: -a, [randn(2, 3)])
    # unary
    c["exp"] = case(torch.exp, [randn(3, 4)])
    c["log"] = case(torch.log, [uniform(0.1, 3.0, 3, 4)])
    c["sqrt"] = case(torch.sqrt, [uniform(0.1, 3.0, 3, 4)])
    c["abs"] = case(torch.abs, [away(randn(3, 4))])
    c["pow3"] = case(lambda a: a.pow(3.0), [randn(3, 4)])
    c["pow_half"] = case(lambda a: a.pow(0.5), [uniform(0.1, 3.0, 3, 4)])
    c["square"] = case(torch.square, [randn(3, 4)])
    c["clamp"] = case(lambda a: a.clamp(-0.5, 0.5), [torch.linspace(-1.05, 1.05, 12).reshape(3, 4)])
    c["relu"] = case(torch.relu, [away(randn(3, 4))])
    c["leaky_relu"] = case(lambda a: F.leaky_relu(a, 0.2), [away(randn(3, 4))])
    c["sigmoid"] = case(torch.sigmoid, [randn(3, 4) * 3])
    c["tanh"] = case(torch.tanh, [randn(3, 4) * 2])
    c["softplus"] = case(F.softplus, [torch.tensor([-30.0, -5.0, -1.0, -0.1, 0.0, 0.1, 1.0, 5.0, 15.0, 30.0])])
    # reductions
    x = randn(2, 3, 4)
    c["sum_all"] = case(lambda a: a.sum(), [x])
    for d in (0, 1, 2):
        for k in (False, True):
            c[f"sum_dim{d}_keep{int(k)}"] = case(lambda a, d=d, k=k: a.sum(d, keepdim=k), [randn(2, 3, 4)])
            c[f"mean_dim{d}_keep{int(k)}"] = case(lambda a, d=d, k=k: a.mean(d, keepdim=k), [randn(2, 3, 4)])
            c[f"max_dim{d}_keep{int(k)}"] = case(lambda a, d=d, k=k: a.max(d, keepdim=k).values, [randn(2, 3, 4)])
    c["mean_all"] = case(lambda a: a.mean(), [randn(3, 5)])
    c["max_all"] = case(lambda a: a.max(), [randn(3, 5)])
    for d in (0, 1, -1):
        c[f"softmax_dim{d}"] = case(lambda a, d=d: torch.softmax(a, d), [randn(3, 4, 5)])
        c[f"log_softmax_dim{d}"] = case(lambda a, d=d: torch.log_softmax(a, d), [randn(3, 4, 5)])
    c["softmax_large"] = case(lambda a: torch.softmax(a, 1), [randn(2, 5) * 50])
    # linear algebra
    c["matmul_2d"] = case(torch.matmul, [randn(3, 4), randn(4, 5)])
    c["matmul_vec_vec"] = case(torch.matmul, [randn(4), randn(4)])
    c["matmul_mat_vec"] = case(torch.matmul, [randn(3, 4), randn(4)])
    c["matmul_vec_mat"] = case(torch.matmul, [randn(4), randn(4, 5)])
    c["matmul_batched"] = case(torch.matmul, [randn(2, 3, 4), randn(2, 4, 5)])
    c["matmul_batched_shared"] = case(torch.matmul, [randn(2, 3, 4), randn(4, 5)])
    c["linear"] = case(F.linear, [randn(2, 3, 4), randn(5, 4), randn(5)])
    c["linear_nobias"] = case(F.linear, [randn(6, 4), randn(5, 4)])
    # shape ops
    c["transpose"] = case(lambda a: a.transpose(0, 2), [randn(2, 3, 4)])
    c["permute"] = case(lambda a: a.permute(2, 0, 1), [randn(2, 3, 4)])
    c["reshape"] = case(lambda a: a.reshape(4, -1), [randn(2, 3, 4)])
    c["flatten"] = case(lambda a: a.flatten(1), [randn(2, 3, 4)])
    c["unflatten"] = case(lambda a: a.unflatten(1, (3, 4)), [randn(2, 12)])
    c["squeeze"] = case(lambda a: a.squeeze(1), [randn(3, 1, 4)])
    c["unsqueeze"] = case(lambda a: a.unsqueeze(-1), [randn(3, 4)])
    c["narrow"] = case(lambda a: a.narrow(1, 1, 2), [randn(3, 4, 2)])
    c["slice"] = case(lambda a: a[:, 1:-1], [randn(3, 5)])
    c["select"] = case(lambda a: a.select(1, 2), [randn(3, 4, 2)])
    c["index_select_repeat"] = case(lambda a: a.index_select(0, torch.tensor([2, 0, 2, 2, 1])), [randn(3, 4)])
    c["index_select_dim1"] = case(lambda a: a.index_select(1, torch.tensor([3, 3, 0])), [randn(2, 4, 3)])
    c["cat_dim0"] = case(lambda a, b, d: torch.cat([a, b, d], 0), [randn(2, 3), randn(1, 3), randn(3, 3)])
    c["cat_dim1"] = case(lambda a, b: torch.cat([a, b], 1), [randn(2, 3, 2), randn(2, 1, 2)])
    c["stack_dim0"] = case(lambda a, b: torch.stack([a, b], 0), [randn(3, 4), randn(3, 4)])
    c["stack_dim_last"] = case(lambda a, b, d: torch.stack([a, b, d], -1), [randn(3, 4), randn(3, 4), randn(3, 4)])
    # composed: a small MLP's loss with respect to its input and weights
    c["mlp_mse"] = case(
        lambda x, w1, b1, w2, b2, y: F.mse_loss(F.linear(torch.tanh(F.linear(x, w1, b1)), w2, b2), y),
        [randn(4, 3), randn(5, 3), randn(5), randn(2, 5), randn(2), randn(4, 2)],
        [True, True, True, True, True, False])
    # appended last so that adding it did not change the random inputs of the cases above
    c["matmul_shared_batched"] = case(torch.matmul, [randn(3, 4), randn(2, 4, 5)])
    c["matmul_vec_batched"] = case(torch.matmul, [randn(4), randn(2, 4, 5)])
    return c


def losses():
    torch.manual_seed(1)
    c = {}
    red = {"mean": "mean", "sum": "sum", "none": "none"}
    x, y = randn(4, 3), randn(4, 3)
    p = uniform(0.05, 0.95, 4, 3)
    t = (torch.rand(4, 3) > 0.5).float()
    soft_t = torch.rand(4, 3)
    logits = torch.tensor([[-100.0, -30.0, -5.0, -0.5], [0.0, 0.5, 5.0, 30.0], [100.0, 2.0, -2.0, 17.0]])
    logit_t = torch.tensor([[0.0, 1.0, 0.0, 1.0], [1.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.3, 1.0]])
    # BCE at the edges: p = 0 and 1 exactly (logs clamped at -100) and within 1e-7 of them
    p_edge = torch.tensor([0.0, 0.0, 1.0, 1.0, 1e-7, 1e-7, 1 - 1e-6, 1 - 1e-6])
    t_edge = torch.tensor([0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0])
    ce_x = randn(5, 4)
    ce_t = torch.tensor([3, 0, 2, 2, 1])
    mu, logvar = randn(3, 4), randn(3, 4) * 0.5
    for r in red:
        c[f"mse_{r}"] = case(lambda a, b, r=r: F.mse_loss(a, b, reduction=r), [x, y])
        c[f"bce_{r}"] = case(lambda a, b, r=r: F.binary_cross_entropy(a, b, reduction=r), [p, t], [True, False])
        c[f"bce_soft_target_{r}"] = case(lambda a, b, r=r: F.binary_cross_entropy(a, b, reduction=r), [p, soft_t])
        c[f"bce_edges_{r}"] = case(lambda a, b, r=r: F.binary_cross_entropy(a, b, reduction=r), [p_edge, t_edge], [True, False])
        c[f"bce_logits_{r}"] = case(lambda a, b, r=r: F.binary_cross_entropy_with_logits(a, b, reduction=r),
                                    [logits, logit_t])
        c[f"cross_entropy_{r}"] = case(lambda a, b, r=r: F.cross_entropy(a, b.long(), reduction=r),
                                       [ce_x, ce_t.float()], [True, False])
        c[f"nll_{r}"] = case(lambda a, b, r=r: F.nll_loss(torch.log_softmax(a, 1), b.long(), reduction=r),
                             [ce_x, ce_t.float()], [True, False])

        def kl(m, lv, r=r):
            per_sample = -0.5 * (1 + lv - m.pow(2) - lv.exp()).sum(1)
            return {"mean": per_sample.mean(), "sum": per_sample.sum(), "none": per_sample}[r]
        c[f"gaussian_kl_{r}"] = case(kl, [mu, logvar])
    return c


def optim():
    torch.manual_seed(2)
    p0 = [randn(2, 3), randn(3)]
    grads = [[randn(2, 3), randn(3)] for _ in range(5)]
    configs = {
        "sgd_plain": ("sgd", dict(lr=0.1)),
        "sgd_momentum": ("sgd", dict(lr=0.1, momentum=0.9)),
        "sgd_momentum_dampening": ("sgd", dict(lr=0.1, momentum=0.9, dampening=0.3)),
        "sgd_nesterov": ("sgd", dict(lr=0.1, momentum=0.9, nesterov=True)),
        "sgd_weight_decay": ("sgd", dict(lr=0.1, weight_decay=0.01)),
        "sgd_momentum_weight_decay": ("sgd", dict(lr=0.1, momentum=0.5, weight_decay=0.1)),
        "adam_default": ("adam", dict(lr=1e-3)),
        "adam_lr": ("adam", dict(lr=0.1)),
        "adam_weight_decay": ("adam", dict(lr=0.01, weight_decay=0.1)),
        "adam_betas": ("adam", dict(lr=2e-4, betas=(0.5, 0.999))),
    }
    c = {}
    for name, (kind, kw) in configs.items():
        ps = [p.clone().requires_grad_() for p in p0]
        opt = torch.optim.SGD(ps, **kw) if kind == "sgd" else torch.optim.Adam(ps, **kw)
        after = []
        for g in grads:
            for p, gi in zip(ps, g):
                p.grad = gi.clone()
            opt.step()
            after.append([enc(p) for p in ps])
        c[name] = {"optimizer": kind, "hyper": {k: (list(v) if isinstance(v, tuple) else v) for k, v in kw.items()},
                   "params": [enc(p) for p in p0], "grads": [[enc(gi) for gi in g] for g in grads], "after": after}
    return c


def main():
    os.makedirs(OUT, exist_ok=True)
    meta = {"torch": torch.__version__, "script": "tests/reference/make_fixtures.py"}
    total = 0
    for name, cases in (("ops", ops()), ("losses", losses()), ("optim", optim())):
        path = os.path.join(OUT, f"{name}.json")
        with open(path, "w") as f:
            json.dump({"meta": meta, "cases": cases}, f, separators=(",", ":"))
            f.write("\n")
        size = os.path.getsize(path)
        total += size
        print(f"{path}: {len(cases)} cases, {size / 1024:.1f} KB")
    assert total < 500 * 1024, f"fixtures are {total} bytes; keep them under 500 KB"


if __name__ == "__main__":
    main()
