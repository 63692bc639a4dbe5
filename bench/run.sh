#!/usr/bin/env bash
# The benchmark in one run: for each model the NotebookKit loop ("library"), a plain TorchSharp loop ("bare") and the
# PyTorch anchor of ../shared/anchors, each in its own process (its own peak RSS), then one table of rates and ratios.
# Compare ratios, not absolute times: the machines are shared and noisy.
#   Usage: bash bench/run.sh [vae-epochs (3)] [gan-epochs (1)] [dcgan-steps (200)]
#   BENCH_THREADS=N   intra-op threads of the TorchSharp loops (default: the core count, as the anchors' 2)
#   BENCH_SUBSET=N    train the TorchSharp loops on the first N images only; the VAE and GAN anchors (whole
#                     epochs of 60,000) are then skipped — for a heavily loaded machine
#   BENCH_MODELS="vae gan dcgan sgemm"   which rows to run
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
vae_epochs="${1:-3}" gan_epochs="${2:-1}" dcgan_steps="${3:-200}"
models="${BENCH_MODELS:-vae gan dcgan sgemm}"
bash environment/setup-bench.sh
dotnet build -c Release bench/NotebookKit.Bench --verbosity quiet --nologo >/dev/null
out="$(mktemp -d /tmp/nbkit-bench.XXXXXX)"
opts=(--threads "${BENCH_THREADS:-$(nproc)}")
if [ -n "${BENCH_SUBSET:-}" ]; then opts+=(--subset "$BENCH_SUBSET"); fi
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); outputs in $out"

bench() { dotnet bench/NotebookKit.Bench/bin/Release/net10.0/NotebookKit.Bench.dll "$@"; }
anchor() {  # anchor MODEL SCRIPT ARGS...: the PyTorch reference with OpenBLAS's own CPU detection, peak RSS appended
  local model="$1" script="$2"; shift 2
  echo "== $model: PyTorch ($script $*)"
  (cd ../shared/anchors && env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 \
    "$OLDPWD/bench/rss_wrapper.py" "$script" "$@") | tee "$out/$model-torch.txt" | sed 's/^/  torch| /'
}
loops() {  # loops MODEL ARGS...: the library and the bare loop, each in its own process
  local model="$1"; shift
  for loop in library bare; do
    echo "== $model: $loop"
    bench "$model" --loop "$loop" "$@" "${opts[@]}" | tee "$out/$model-$loop.txt" | grep -v '^result'
  done
}

for model in $models; do
  case "$model" in
    vae)   loops vae --epochs "$vae_epochs"
           if [ -z "${BENCH_SUBSET:-}" ]; then anchor vae torch_vae.py "$vae_epochs"; fi ;;
    gan)   loops gan --epochs "$gan_epochs"
           if [ -z "${BENCH_SUBSET:-}" ]; then anchor gan torch_gan.py "$gan_epochs"; fi ;;
    dcgan) loops dcgan --steps "$dcgan_steps"
           anchor dcgan torch_dcgan.py "$dcgan_steps" ;;
    sgemm) echo "== sgemm: TorchSharp"
           bench sgemm "${opts[@]}" | tee "$out/sgemm-library.txt" | grep -v '^result'
           anchor sgemm sgemm.py ;;
    *)     echo "run.sh: unknown model '$model' in BENCH_MODELS (vae gan dcgan sgemm)" >&2; exit 2 ;;
  esac
done
echo
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
bench table "$out"
