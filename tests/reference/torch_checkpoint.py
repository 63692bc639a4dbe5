#!/usr/bin/env python3
"""PyTorch's side of the checkpoint interop tests (Debian's python3-torch), on the VAE of PyTorch's vae/main.py
(fc1, fc21, fc22, fc3, fc4) at the sizes given:

    torch_checkpoint.py read  PATH INPUT HIDDEN LATENT   model.load_state_dict(torch.load(PATH)), strict
    torch_checkpoint.py write PATH INPUT HIDDEN LATENT   torch.save(model.state_dict(), PATH), torch.manual_seed(7)

Both print the model's state_dict as JSON: {name: {"shape": [...], "values": [...]}}.
"""
import json
import sys

import torch
from torch import nn


class VAE(nn.Module):
    def __init__(self, n_in, hidden, latent):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc21 = nn.Linear(hidden, latent)
        self.fc22 = nn.Linear(hidden, latent)
        self.fc3 = nn.Linear(latent, hidden)
        self.fc4 = nn.Linear(hidden, n_in)


def main(mode, path, n_in, hidden, latent):
    if mode == "write":
        torch.manual_seed(7)
    model = VAE(int(n_in), int(hidden), int(latent))
    if mode == "read":
        model.load_state_dict(torch.load(path, weights_only=True))
    elif mode == "write":
        torch.save(model.state_dict(), path)
    else:
        raise SystemExit(f"torch_checkpoint.py: mode is 'read' or 'write', got {mode!r}")
    json.dump({k: {"shape": list(v.shape), "values": v.flatten().tolist()} for k, v in model.state_dict().items()},
              sys.stdout)


if __name__ == "__main__":
    if len(sys.argv) != 6:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
