#!/usr/bin/env bash
# Starts gan:train, kills it (SIGKILL, no chance to clean up) once the first checkpoint exists,
# runs it again and checks that it resumed from that checkpoint and finished the planned steps.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
reports=target/ci-resume-reports
rm -rf "$reports"
args=(-B gan:train -Dgan.experiment=.ci/resume.yaml -Dgan.reports="$reports")
ckpts="$reports/resume/run-0001/models/dcgan/checkpoints"

setsid mvn "${args[@]}" > target/ci-resume-1.log 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  ls "$ckpts"/step-* >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat target/ci-resume-1.log; echo "training ended before a checkpoint"; exit 1; }
  sleep 0.2
done
kill -9 -- "-$pid"
wait "$pid" 2>/dev/null || true
killed_at=$(ls "$ckpts" | grep '^step-' | tail -1)
echo "killed after checkpoint $killed_at"
test ! -e "$reports/resume/run-0001/COMPLETE"

mvn "${args[@]}" > target/ci-resume-2.log 2>&1 || { cat target/ci-resume-2.log; exit 1; }
grep -q "Resuming run-0001" target/ci-resume-2.log || { cat target/ci-resume-2.log; echo "did not resume the run"; exit 1; }
grep -E "resuming at step [1-9][0-9]* of 96" target/ci-resume-2.log || { cat target/ci-resume-2.log; echo "did not resume from the checkpoint"; exit 1; }
test -e "$reports/resume/run-0001/COMPLETE"
python3 - "$reports" <<'PY'
import json, sys
m = json.load(open(sys.argv[1] + "/resume/latest/metrics.json"))["models"]["dcgan"]
assert m["status"] == "completed" and m["steps"] == 96 and m["epochs"] == 8, m
print(f"resumed run finished: {m['steps']} steps, {m['epochs']} epochs, EMD {m['emd']:.5f}")
PY
