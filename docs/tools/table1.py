#!/usr/bin/env python3
"""Table 1 of docs/REPRODUCTION.md from a multi-seed run's metrics.json: each figure as mean +- 95%
interval over the seeds, and the paper's claims judged on the paired intervals metrics.json carries
(`comparisons`): holds when the interval excludes 0 in the paper's direction, contradicted when it
excludes 0 the other way, cannot tell when it includes 0.

    python3 docs/tools/table1.py docs/results/table1-cpu/metrics.json
"""
import json
import sys

NAMES = {"dcgan": "DCGAN", "lapgan": "LAPGAN", "ddgan-upsampling": "DDGAN upsampling",
         "ddgan-deconvolution": "DDGAN deconvolution"}

# (claim, model a, model b, metric, the paper's direction of a - b: -1 a lower, +1 a higher)
CLAIMS = [
    ("DCGAN matches the training histogram best (EMD)", "dcgan", "ddgan-upsampling", "emd", -1),
    ("", "dcgan", "lapgan", "emd", -1),
    ("", "dcgan", "ddgan-deconvolution", "emd", -1),
    ("DCGAN matches the training histogram best (JS)", "dcgan", "ddgan-upsampling", "js_divergence", -1),
    ("", "dcgan", "lapgan", "js_divergence", -1),
    ("", "dcgan", "ddgan-deconvolution", "js_divergence", -1),
    ("DDGAN upsampling is closer to the histogram than LAPGAN (EMD)", "ddgan-upsampling", "lapgan", "emd", -1),
    ("DDGAN upsampling is closer to the histogram than LAPGAN (JS)", "ddgan-upsampling", "lapgan",
     "js_divergence", -1),
    ("LAPGAN is closer to the histogram than DDGAN deconvolution (EMD, the paper's order)", "lapgan",
     "ddgan-deconvolution", "emd", -1),
    ("Deconvolution is noisier than upsampling (SWD at 64 px, the finest level)", "ddgan-deconvolution",
     "ddgan-upsampling", "swd_levels.64", +1),
    ("Deconvolution is less realistic than upsampling (SWD, mean of levels)", "ddgan-deconvolution",
     "ddgan-upsampling", "swd", +1),
    ("LAPGAN has high-frequency artifacts (SWD at 64 px against DDGAN upsampling)", "lapgan", "ddgan-upsampling",
     "swd_levels.64", +1),
    ("DCGAN has checkerboard artifacts (SWD at 64 px against DDGAN upsampling)", "dcgan", "ddgan-upsampling",
     "swd_levels.64", +1),
    ("LAPGAN's samples are the most diverse (MS-SSIM, lower is more diverse)", "lapgan", "dcgan", "ms_ssim", -1),
    ("", "lapgan", "ddgan-upsampling", "ms_ssim", -1),
    ("", "lapgan", "ddgan-deconvolution", "ms_ssim", -1),
]


def digits(x, n=4):
    return "-" if x is None else f"{x:.{n}g}"


def figure(m, key):
    s = m["summary"]
    node = s
    for part in key.split("."):
        node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            return "-"
    return f"{digits(node['mean'])} ± {digits(node['ci95'], 2)}"


def main(path):
    run = json.load(open(path))
    models = run["models"]
    seeds = next(iter(models.values()))["seeds"]
    n = len(seeds)
    print(f"Means over {n} seeds ({', '.join(str(s['seed']) for s in seeds)}) ± the half-width of their 95% "
          f"interval (Student t, {n - 1} degrees of freedom).\n")
    print("| Model | EMD | JS divergence | SWD (x1e3, mean of 64/32/16) | SWD at 64 px | MS-SSIM (real "
          f"{digits(next(iter(models.values()))['ms_ssim_real'])}) | copies | untrained EMD | training time per seed |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, m in models.items():
        seconds = [s["train_seconds"] for s in m["seeds"]]
        ips = [s["train_images_per_second"] for s in m["seeds"]]
        print(f"| {NAMES.get(name, name)} | {figure(m, 'emd')} | {figure(m, 'js_divergence')} | {figure(m, 'swd')} | "
              f"{figure(m, 'swd_levels.64')} | {figure(m, 'ms_ssim')} | {figure(m, 'copies')} | "
              f"{figure(m, 'untrained_emd')} | {min(seconds) / 60:.1f}-{max(seconds) / 60:.1f} min "
              f"({min(ips):.1f}-{max(ips):.1f} img/s) |")
    pairs = {(c["a"], c["b"], c["metric"]): c for c in run["comparisons"]}
    print("\n| Claim (paper) | pair (a - b) | metric | paired mean difference [95% interval] | verdict |")
    print("| --- | --- | --- | --- | --- |")
    for claim, a, b, metric, direction in CLAIMS:
        sign = 1
        c = pairs.get((a, b, metric))
        if c is None:
            c = pairs.get((b, a, metric))
            sign = -1
        if c is None:
            print(f"| {claim} | {NAMES[a]} - {NAMES[b]} | {metric} | not in metrics.json | - |")
            continue
        mean, low, high = sign * c["mean_difference"], c["low"], c["high"]
        low, high = (low, high) if sign == 1 else (-high, -low)
        if low * direction > 0 and high * direction > 0:
            verdict = "**holds**"
        elif low * direction < 0 and high * direction < 0:
            verdict = "**contradicted**"
        else:
            verdict = "cannot tell"
        print(f"| {claim} | {NAMES[a]} - {NAMES[b]} | {metric} | {digits(mean)} [{digits(low)}, {digits(high)}] "
              f"| {verdict} |")


if __name__ == "__main__":
    main(sys.argv[1])
