"""The machine's matrix-multiply rate, the ceiling the training steps are measured against: float32
and (where the CPU has AVX512_BF16 or AMX) bfloat16 GEMM through PyTorch's oneDNN/MKL, 2 threads,
square matrices, best of 10 after a warm-up. Prints one JSON line per precision.

    /root/venv-torch/bin/python bench/gemm.py [size]
"""
import json
import sys
import time

import torch


def rate(dtype, n):
    a = torch.randn(n, n).to(dtype)
    b = torch.randn(n, n).to(dtype)
    for _ in range(3):
        torch.mm(a, b)
    best = float("inf")
    for _ in range(10):
        t0 = time.perf_counter()
        torch.mm(a, b)
        best = min(best, time.perf_counter() - t0)
    return 2 * n ** 3 / best / 1e9


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2048
    torch.set_num_threads(2)
    flags = open("/proc/cpuinfo").read()
    precisions = [("fp32", torch.float32)]
    if "avx512_bf16" in flags or "amx_bf16" in flags:
        precisions.append(("bf16", torch.bfloat16))
    for name, dtype in precisions:
        print(json.dumps({"gemm": name, "size": n, "threads": torch.get_num_threads(),
                          "gflops": round(rate(dtype, n), 1), "torch_version": torch.__version__}))


if __name__ == "__main__":
    main()
