#!/usr/bin/env python3
"""Table 2 of docs/REPRODUCTION.md from a use-case run's metrics.json: each set's figures as mean +-
95% interval over the seeds, then the paired differences (B_Full - B_Imb; each restored set - B_Imb
and - B_Full) with their intervals and the verdicts, as metrics.json carries them (`loss`, `gains`,
`gaps`, `verdicts`). Files written before it carried them get them worked out here from the
per-seed runs, by the engine's rule (UsecaseComparisons).

    python3 docs/tools/table2.py docs/results/table2-cpu/metrics.json [more metrics.json ...]
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
    diffs = [FIGURES[figure](x["validation"]) - FIGURES[figure](y["validation"])
             for x, y in zip(sets[a]["runs"], sets[b]["runs"])]
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


if __name__ == "__main__":
    main(sys.argv[1:])
