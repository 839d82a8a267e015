#!/usr/bin/env bash
# Measures our DCGAN training throughput against the PyTorch peer (../shared/bench), interleaved
# on the same machine in the same session (ours, peer, ours, peer, ...), and prints the medians
# and their ratio per resolution as a Markdown table. Needs `mvn install` done and the peer's venv
# (bash ../shared/bench/setup_peer.sh).
#   bench/compare-peer.sh [rounds] [resolutions...]     e.g. bench/compare-peer.sh 5 64 256
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}; shift || true
resolutions=("${@:-64 256}")
[ $# -eq 0 ] && resolutions=(64 256)
peer=${PEER_PYTHON:-/root/venv-torch/bin/python}
out=$(mktemp -d)
for ((r = 1; r <= rounds; r++)); do
  for res in "${resolutions[@]}"; do
    if [ "$res" -ge 256 ]; then steps=20; warmup=3; else steps=50; warmup=5; fi
    mvn -B -q gan:bench -Dgan.model=dcgan -Dgan.resolution="$res" -Dgan.steps=$steps -Dgan.warmup=$warmup \
      -Dgan.output="$out/ours-$res.jsonl"
    "$peer" ../shared/bench/torch_dcgan_step.py --res "$res" --steps $steps --warmup $warmup \
      --channels-last --fused-adam >> "$out/peer-$res.jsonl"
  done
done
python3 - "$out" "${resolutions[@]}" <<'PY'
import json, statistics, sys
out, resolutions = sys.argv[1], sys.argv[2:]
print("| resolution | ours images/s (median) | peer images/s (median) | ratio | rounds |")
print("| --- | --- | --- | --- | --- |")
for res in resolutions:
    ours = [json.loads(l)["images_per_second"] for l in open(f"{out}/ours-{res}.jsonl")]
    peer = [json.loads(l)["images_per_second"] for l in open(f"{out}/peer-{res}.jsonl")]
    mo, mp = statistics.median(ours), statistics.median(peer)
    print(f"| {res} px | {mo:.2f} ({min(ours):.2f}-{max(ours):.2f}) | {mp:.2f} ({min(peer):.2f}-{max(peer):.2f}) | {mo / mp:.2f}x | {len(ours)} |")
PY
