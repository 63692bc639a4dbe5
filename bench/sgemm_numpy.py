# numpy/OpenBLAS float32 `@` on the shapes of `dotnet run -c Release --project bench/NotebookKit.Bench -- sgemm`,
# same method (warm-up, 7 samples of >= 30 ms batches, median and best) and output format, for side-by-side runs.
# Run: env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 bench/sgemm_numpy.py [shape-substring]
import sys
import time
import numpy as np

SHAPES = [  # (transA, transB, m, n, k, role) -- keep in sync with SgemmBench.Shapes
    (0, 0, 512, 512, 512, "square"), (0, 0, 1024, 1024, 1024, "square"), (0, 0, 2048, 2048, 2048, "square"),
    (0, 1, 128, 400, 784, "vae enc fwd x·Wᵀ"), (0, 0, 128, 784, 400, "vae enc dx = g·W"),
    (1, 0, 400, 784, 128, "vae enc dW = gᵀ·x"), (0, 1, 128, 784, 400, "vae dec fwd"),
    (0, 0, 128, 400, 784, "vae dec dx"), (1, 0, 784, 400, 128, "vae dec dW"),
    (0, 1, 64, 512, 256, "gan G fwd 256→512"), (0, 1, 64, 784, 512, "gan G fwd 512→784"),
    (0, 0, 64, 512, 784, "gan G dx 512→784"), (1, 0, 784, 512, 64, "gan G dW 512→784"),
]


def measure(ta, tb, m, n, k):
    rng = np.random.default_rng(0)
    a = rng.random((k, m) if ta else (m, k), dtype=np.float32)
    b = rng.random((n, k) if tb else (k, n), dtype=np.float32)
    opa, opb = (a.T if ta else a), (b.T if tb else b)  # transposed views: BLAS gets the trans flags
    c = np.empty((m, n), dtype=np.float32)
    t0, iters = time.perf_counter(), 0
    while time.perf_counter() - t0 < 0.3 or iters < 3:
        np.matmul(opa, opb, out=c); iters += 1
    batch = max(1, int(iters * 0.03 / (time.perf_counter() - t0)))
    samples = []
    for _ in range(7):
        t = time.perf_counter()
        for _ in range(batch): np.matmul(opa, opb, out=c)
        samples.append(2.0 * m * n * k * batch / (time.perf_counter() - t) / 1e9)
    samples.sort()
    return samples[len(samples) // 2], samples[-1]


print(f"# impl shape median_gflops best_gflops   (numpy {np.__version__})")
for ta, tb, m, n, k, role in SHAPES:
    name = f"{'T' if ta else 'N'}{'T' if tb else 'N'}_{m}x{n}x{k}"
    if len(sys.argv) > 1 and sys.argv[1] not in name:
        continue
    med, best = measure(ta, tb, m, n, k)
    print(f"numpy {name:<18} {med:7.1f} {best:7.1f}   # {role}")
