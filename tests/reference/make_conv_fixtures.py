#!/usr/bin/python3
"""Writes fixtures/conv.json: PyTorch reference values for NotebookKit's Conv2d, ConvTranspose2d and BatchNorm.

Run from anywhere with Debian's python3-torch:  /usr/bin/python3 tests/reference/make_conv_fixtures.py
Inputs are float32 values drawn with torch.manual_seed; the outputs and gradients are computed in float64
from those same values, so the fixture holds the exact answer and the C# tests measure only float32 error.
Gradients are of L = sum(y * dy) for a fixed random dy (stored as "dy").
"""
import json
import os

import torch
import torch.nn.functional as F


def rand(*shape):
    return torch.randn(*shape, dtype=torch.float32).double()


def tensors(**named):
    return {k: {"shape": list(v.shape), "data": [float("%.8g" % x) for x in v.detach().reshape(-1).tolist()]}
            for k, v in named.items()}


def conv_case(transpose, x_shape, w_shape, bias, stride, padding, output_padding=0):
    x, w = rand(*x_shape).requires_grad_(), rand(*w_shape).requires_grad_()
    b = rand(w_shape[1] if transpose else w_shape[0]).requires_grad_() if bias else None
    if transpose:
        y = F.conv_transpose2d(x, w, b, stride=stride, padding=padding, output_padding=output_padding)
    else:
        y = F.conv2d(x, w, b, stride=stride, padding=padding)
    dy = rand(*y.shape)
    (y * dy).sum().backward()
    t = dict(x=x, weight=w, y=y, dy=dy, grad_x=x.grad, grad_weight=w.grad)
    if bias:
        t.update(bias=b, grad_bias=b.grad)
    return {"op": "conv_transpose2d" if transpose else "conv2d", "stride": stride, "padding": padding,
            "output_padding": output_padding, "tensors": tensors(**t)}


def batch_norm_case(x_shape, training, momentum=0.1, eps=1e-5):
    c = x_shape[1]
    x = rand(*x_shape).mul(1.5).add(0.5).requires_grad_()
    w, b = rand(c).requires_grad_(), rand(c).requires_grad_()
    rm, rv = rand(c) * 0.1, rand(c).abs() + 0.5
    rm0, rv0 = rm.clone(), rv.clone()
    y = F.batch_norm(x, rm, rv, w, b, training=training, momentum=momentum, eps=eps)
    dy = rand(*y.shape)
    (y * dy).sum().backward()
    t = dict(x=x, weight=w, bias=b, running_mean=rm0, running_var=rv0, y=y, dy=dy,
             grad_x=x.grad, grad_weight=w.grad, grad_bias=b.grad,
             new_running_mean=rm, new_running_var=rv)
    return {"op": "batch_norm", "training": training, "momentum": momentum, "eps": eps, "tensors": tensors(**t)}


def main():
    torch.manual_seed(0)
    cases = {
        "conv2d_k3_s1_p1": conv_case(False, (2, 3, 5, 5), (4, 3, 3, 3), True, 1, 1),
        "conv2d_k4_s2_p1_odd": conv_case(False, (2, 2, 7, 6), (3, 2, 4, 4), True, 2, 1),
        "conv2d_k3_s2_p0_nobias": conv_case(False, (1, 2, 6, 6), (2, 2, 3, 3), False, 2, 0),
        # DCGAN generator block ConvTranspose2d(128, 64, 4, 2, 1), 7 -> 14, with fewer channels.
        "conv_transpose2d_dcgan_k4_s2_p1": conv_case(True, (2, 8, 7, 7), (8, 4, 4, 4), True, 2, 1),
        "conv_transpose2d_k3_s2_p1_op1": conv_case(True, (2, 3, 4, 5), (3, 2, 3, 3), True, 2, 1, 1),
        "conv_transpose2d_k3_s1_p0_nobias": conv_case(True, (1, 2, 3, 3), (2, 3, 3, 3), False, 1, 0),
        "batch_norm_2d_train": batch_norm_case((4, 3, 3, 2), True),
        "batch_norm_1d_train": batch_norm_case((8, 5), True, momentum=0.2),
        "batch_norm_2d_eval": batch_norm_case((4, 3, 3, 2), False),
    }
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "conv.json")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump({"generator": "tests/reference/make_conv_fixtures.py", "torch": torch.__version__, "cases": cases}, f,
                  separators=(",", ":"))
    print(f"wrote {out} ({os.path.getsize(out)} bytes)")


if __name__ == "__main__":
    main()
