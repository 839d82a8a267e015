#!/usr/bin/env python3
"""Table 2 of docs/REPRODUCTION.md from a use-case run's metrics.json: each set's figures as mean +-
95% interval over the seeds, then the paired differences (B_Full - B_Imb; each restored set - B_Imb
and - B_Full) with their intervals and the verdicts, as metrics.json carries them (`loss`, `gains`,
`gaps`, `verdicts`). Files written before it carried them get them worked out here from the
per-seed runs, by the engine's rule (UsecaseComparisons). Each file's training time follows: the
classifiers' and the stage GANs' seconds as metrics.json records them.

    python3 docs/tools/table2.py docs/results/table2-cpu/metrics.json [more metrics.json ...]

With --against BASE.json, each file's sets are paired seed by seed with BASE's sets of the same
name instead (two classifier arms on the same splits: what one arm buys over the other).

    python3 docs/tools/table2.py --against docs/results/classifier-recipe-64px-30ep/metrics.json \
        docs/results/classifier-recipe-96px-30ep/metrics.json

With --pair A B, each file's set A is paired seed by seed with its set B (two GANs' restored sets).

    python3 docs/tools/table2.py --pair b-imb+lapgan b-imb+ddgan-upsampling \
        docs/results/table2-leakfree-cpu/metrics.json
"""
import json
import math
import sys

# two-sided 95% Student-t quantiles by degrees of freedom
T975 = {1: 12.706204736, 2: 4.302652730, 3: 3.182446305, 4: 2.776445105, 5: 2.570581836, 6: 2.446911851,
        7: 2.364624252, 8: 2.306004135, 9: 2.262157163}
COLUMNS = [("training_accuracy", "training acc."), ("validation_accuracy", "validation acc."),
           ("validation_balanced_accuracy", "balanced acc."), ("validation_melanoma_recall", "melanoma recall"),
           ("validation_nevus_recall", "nevus recall"), ("validation_seborrheic_keratosis_recall", "keratosis recall"),
           ("validation_melanoma_auc", "melanoma AUC")]
FIGURES = {"validation_accuracy": lambda v: v["accuracy"],
           "validation_balanced_accuracy": lambda v: v["balanced_accuracy"],
           "validation_melanoma_recall": lambda v: v["recall"]["melanoma"],
           "validation_melanoma_auc": lambda v: v["melanoma_auc"]}


def interval(values):
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, None
    sd = math.sqrt(sum((x - mean) ** 2 for x in values) / (n - 1))
    return mean, T975[n - 1] * sd / math.sqrt(n)


def paired(sets, a, b, figure):
    return paired_runs(sets[a]["runs"], sets[b]["runs"], figure)


def paired_runs(runs_a, runs_b, figure):
    if [r["seed"] for r in runs_a] != [r["seed"] for r in runs_b]:
        sys.exit("the runs pair seed by seed only when their seeds are the same and in the same order")
    diffs = [FIGURES[figure](x["validation"]) - FIGURES[figure](y["validation"])
             for x, y in zip(runs_a, runs_b)]
    mean, ci = interval(diffs)
    return {"mean_difference": mean, "ci95": ci, "low": None if ci is None else mean - ci,
            "high": None if ci is None else mean + ci, "values": diffs}


def verdict(gain, gap):
    above = lambda d: d["low"] is not None and d["low"] > 0
    below = lambda d: d["high"] is not None and d["high"] < 0
    if above(gain):
        return "partly" if below(gap) else "restores"
    if below(gain) or below(gap):
        return "does-not"
    return "cannot-tell"


def text(d):
    ci = "" if d["ci95"] is None else " [%+.3f, %+.3f]" % (d["low"], d["high"])
    return "%+.3f%s" % (d["mean_difference"], ci)


def main(paths):
    for path in paths:
        usecase = json.load(open(path))["usecase"]
        sets = usecase["sets"]
        print("## %s (pool %s, seeds %s, %s)\n" % (path, usecase["pool"], usecase["seeds"],
                                                  usecase.get("recipe", "plain recipe")))
        print("| set | " + " | ".join(name for _, name in COLUMNS) + " |")
        print("| --- |" + " --- |" * len(COLUMNS))
        for name, result in sets.items():
            cells = []
            for key, _ in COLUMNS:
                s = result["summary"].get(key)
                cells.append("-" if s is None else "%.3f" % s["mean"] if s.get("ci95") is None
                             else "%.3f ± %.3f" % (s["mean"], s["ci95"]))
            print("| %s | %s |" % (name, " | ".join(cells)))
        print()
        print("| comparison | " + " | ".join(FIGURES) + " |")
        print("| --- |" + " --- |" * len(FIGURES))
        stored = usecase.get("loss") is not None
        loss = usecase["loss"] if stored else {f: paired(sets, "b-full", "b-imb", f) for f in FIGURES}
        print("| b-full - b-imb | " + " | ".join(text(loss[f]) for f in FIGURES) + " |")
        for name in sets:
            if name in ("b-full", "b-imb"):
                continue
            gains = usecase["gains"][name] if stored else {f: paired(sets, name, "b-imb", f) for f in FIGURES}
            gaps = usecase["gaps"][name] if stored else {f: paired(sets, name, "b-full", f) for f in FIGURES}
            verdicts = usecase["verdicts"][name] if stored else {f: verdict(gains[f], gaps[f]) for f in FIGURES}
            print("| %s - b-imb | %s |" % (name, " | ".join(text(gains[f]) for f in FIGURES)))
            print("| %s - b-full | %s |" % (name, " | ".join(text(gaps[f]) for f in FIGURES)))
            print("| verdict | %s |" % " | ".join(verdicts[f] for f in FIGURES))
        print()
        gan_table(sets)
        runs = [r for result in sets.values() for r in result["runs"]]
        print(seconds("classifiers", [r["train_seconds"] for r in runs]))
        for name, result in sets.items():
            print(seconds("  " + name, [r["train_seconds"] for r in result["runs"]]))
        print(seconds("stage GANs", [r["gan"]["train_seconds"] for r in runs if r.get("gan")]))
        print()


def gan_table(sets):
    rows = [(name, r) for name, result in sets.items() for r in result["runs"] if r.get("gan")]
    if not rows:
        return
    print("| set | seed | EMD (untrained) | SWD | MS-SSIM (real) | copies | training melanoma recall |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, r in rows:
        g = r["gan"]
        cell = lambda key, form: "-" if g.get(key) is None else form % g[key]  # older files lack some
        print("| %s | %d | %s (%s) | %s | %s (%s) | %s | %.3f |" % (
            name, r["seed"], cell("emd", "%.4f"), cell("untrained_emd", "%.4f"), cell("swd", "%.0f"),
            cell("ms_ssim", "%.3f"), cell("ms_ssim_real", "%.3f"), cell("copies", "%.3f"),
            r["training"]["recall"]["melanoma"]))
    print()


def pair(a, b, paths):
    for path in paths:
        sets = json.load(open(path))["usecase"]["sets"]
        print("## %s: %s - %s, paired seed by seed\n" % (path, a, b))
        print("| " + " | ".join(FIGURES) + " |")
        print("|" + " --- |" * len(FIGURES))
        print("| " + " | ".join(text(paired(sets, a, b, f)) for f in FIGURES) + " |")
        print()


def seconds(what, values):
    if not values:
        return "%s: none" % what
    return "%s: %d trained in %.0f s (%.0f-%.0f s each)" % (what, len(values), sum(values), min(values), max(values))


def against(base_path, paths):
    base = json.load(open(base_path))["usecase"]["sets"]
    for path in paths:
        sets = json.load(open(path))["usecase"]["sets"]
        print("## %s - %s, paired seed by seed\n" % (path, base_path))
        print("| set | " + " | ".join(FIGURES) + " |")
        print("| --- |" + " --- |" * len(FIGURES))
        for name in (n for n in sets if n in base):
            print("| %s | %s |" % (name, " | ".join(text(paired_runs(sets[name]["runs"], base[name]["runs"], f))
                                                   for f in FIGURES)))
        print()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--against"]:
        against(sys.argv[2], sys.argv[3:])
    elif sys.argv[1:2] == ["--pair"]:
        pair(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        main(sys.argv[1:])
