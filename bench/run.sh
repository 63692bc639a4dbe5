#!/usr/bin/env bash
# All benchmarks, each beside its PyTorch reference from ../shared/anchors, in one run (ratios, not absolute
# times: the machines are shared and noisy). Usage: bash bench/run.sh [vae-epochs (10)]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
epochs="${1:-10}"
bash environment/setup.sh
bash environment/setup-bench.sh
dotnet build -c Release bench/NotebookKit.Bench --verbosity quiet >/dev/null
bench() { dotnet bench/NotebookKit.Bench/bin/Release/net10.0/NotebookKit.Bench.dll "$@"; }

echo "== SGEMM (GFLOPS): OpenBLAS through numpy, then NotebookKit"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 bench/sgemm_numpy.py
bench sgemm
echo
echo "== MLP VAE of torch_vae.py, $epochs epochs"
bench vae --epochs "$epochs"
echo
echo "== MLP GAN of torch_gan.py, 1 epoch"
bench gan --epochs 1
echo
echo "== DCGAN of torch_dcgan.py, 200 steps"
bench dcgan --steps 200
