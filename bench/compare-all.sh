#!/usr/bin/env bash
# The whole speed comparison in one command: ours (mvn gan:bench) against the PyTorch peers in
# ../shared/bench (tuned: channels-last, fused Adam), in float32 and, where the CPU has AVX512_BF16
# or AMX, in bfloat16 (ours: -Dgan.bfloat16; the peer: autocast), interleaved round by round on one
# machine (every case and variant once per round), plus the machine's GEMM rates. Appends labelled
# JSON lines to $OUT and prints a Markdown table of medians, ranges and ratios.
# Both sides run on tcmalloc where the system has it (Debian: libtcmalloc-minimal4): our engine
# process preloads it by itself, and the peer gets the same library here, so the allocator is not
# what the ratio measures. PEER_PRELOAD= (empty) runs the peer on glibc's malloc; an LD_PRELOAD of
# your own goes to both sides. Every line records its side's allocator.
#   bench/compare-all.sh [rounds] [cases...]     e.g. bench/compare-all.sh 3
#   cases: dcgan-64 dcgan-256 lapgan-64 ddgan-upsampling-64 ddgan-deconvolution-64 resnet18-48 (default all)
# Needs `mvn install` done and the peer's venv (bash ../shared/bench/setup_peer.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}; shift || true
peer=${PEER_PYTHON:-/root/venv-torch/bin/python}
shared=../shared/bench
out=${OUT:-docs/bench/$(date -u +%F)-all.jsonl}
mkdir -p "$(dirname "$out")"
cases=("$@")
tcmalloc=$(ls "/usr/lib/$(uname -m)-linux-gnu/libtcmalloc_minimal.so.4" /usr/lib64/libtcmalloc_minimal.so.4 2>/dev/null | head -1 || true)
peer_preload=${PEER_PRELOAD-${LD_PRELOAD-$tcmalloc}}
[ ${#cases[@]} -eq 0 ] && cases=(dcgan-64 dcgan-256 lapgan-64 ddgan-upsampling-64 ddgan-deconvolution-64 resnet18-48)
precisions=(fp32)
grep -qE 'avx512_bf16|amx_bf16' /proc/cpuinfo && precisions+=(bf16)

ours_args() {
  case $1 in
    dcgan-64) echo "-Dgan.model=dcgan -Dgan.resolution=64 -Dgan.steps=50 -Dgan.warmup=5" ;;
    dcgan-256) echo "-Dgan.model=dcgan -Dgan.resolution=256 -Dgan.steps=20 -Dgan.warmup=3" ;;
    lapgan-64|ddgan-upsampling-64|ddgan-deconvolution-64)
      echo "-Dgan.model=${1%-64} -Dgan.resolution=64 -Dgan.baseChannels=32 -Dgan.steps=30 -Dgan.warmup=3" ;;
    resnet18-48) echo "-Dgan.model=resnet18 -Dgan.resolution=48 -Dgan.batch=32 -Dgan.steps=20 -Dgan.warmup=3" ;;
  esac
}
peer_args() {
  case $1 in
    dcgan-64) echo "$shared/torch_dcgan_step.py --res 64 --steps 50 --warmup 5 --channels-last --fused-adam" ;;
    dcgan-256) echo "$shared/torch_dcgan_step.py --res 256 --steps 20 --warmup 3 --channels-last --fused-adam" ;;
    lapgan-64|ddgan-upsampling-64|ddgan-deconvolution-64)
      echo "$shared/torch_pyramid_step.py --model ${1%-64} --res 64 --levels 3 --base 32 --steps 30 --warmup 3 --channels-last --fused-adam" ;;
    resnet18-48) echo "$shared/torch_resnet_step.py --depth 18 --res 48 --batch 32 --steps 20 --warmup 3 --channels-last" ;;
  esac
}
label() {   # case impl precision round cpu [allocator] < one JSON line (ours: the allocator our line records)
  python3 -c 'import json,sys; d=json.loads(sys.stdin.readline()); a=sys.argv[6] if len(sys.argv) > 6 else d.get("allocator"); print(json.dumps({"case":sys.argv[1],"impl":sys.argv[2],"precision":sys.argv[3],"round":int(sys.argv[4]),"cpu":sys.argv[5],"allocator":a or "glibc malloc","images_per_second":d["images_per_second"],"raw":d}))' "$@"
}
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
tmp=$(mktemp -d)
start=$(wc -l < "$out" 2>/dev/null || echo 0)
"$peer" bench/gemm.py | python3 -c 'import json,sys; [print(json.dumps({**json.loads(l), "cpu": sys.argv[1]})) for l in sys.stdin]' "$cpu" >> "$out"
for ((r = 1; r <= rounds; r++)); do
  for c in "${cases[@]}"; do
    for p in "${precisions[@]}"; do
      bf=false; [ "$p" = bf16 ] && bf=true
      rm -f "$tmp/ours.jsonl"
      # shellcheck disable=SC2046
      mvn -B -q gan:bench $(ours_args "$c") -Dgan.bfloat16=$bf -Dgan.output="$tmp/ours.jsonl"
      label "$c" ours "$p" "$r" "$cpu" < "$tmp/ours.jsonl" >> "$out"
      extra=""; [ "$p" = bf16 ] && extra="--bf16"
      # shellcheck disable=SC2046
      LD_PRELOAD=$peer_preload "$peer" $(peer_args "$c") $extra | tail -1 | label "$c" peer "$p" "$r" "$cpu" "${peer_preload:-glibc malloc}" >> "$out"
    done
  done
done
python3 - "$out" "$start" "$peer_preload" <<'PY'
import json, statistics, sys
lines = [json.loads(l) for l in open(sys.argv[1]).read().splitlines()[int(sys.argv[2]):]]
gemm = {l["gemm"]: l["gflops"] for l in lines if "gemm" in l}
runs = [l for l in lines if "case" in l]
print(f"CPU: {runs[0]['cpu'] if runs else '?'}; GEMM (2 threads): " + ", ".join(f"{k} {v} GFLOP/s" for k, v in gemm.items()))
print(f"peer's allocator: {sys.argv[3] or 'glibc malloc'}")
print("| case | precision | ours images/s (median, range) | peer images/s (median, range) | ours / peer | rounds |")
print("| --- | --- | --- | --- | --- | --- |")
keys = sorted({(l["case"], l["precision"]) for l in runs}, key=lambda k: ([l["case"] for l in runs].index(k[0]), k[1] != "fp32"))
med = {}
for case, prec in keys:
    o = [l["images_per_second"] for l in runs if l["case"] == case and l["precision"] == prec and l["impl"] == "ours"]
    p = [l["images_per_second"] for l in runs if l["case"] == case and l["precision"] == prec and l["impl"] == "peer"]
    mo, mp = statistics.median(o), statistics.median(p)
    med[(case, prec)] = mo
    print(f"| {case} | {prec} | {mo:.2f} ({min(o):.2f}-{max(o):.2f}) | {mp:.2f} ({min(p):.2f}-{max(p):.2f}) | **{mo / mp:.2f}x** | {len(o)} |")
for case in dict.fromkeys(k[0] for k in keys):
    if (case, "bf16") in med:
        print(f"{case}: ours bf16 / ours fp32 = {med[(case, 'bf16')] / med[(case, 'fp32')]:.2f}x")
PY
