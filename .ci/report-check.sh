#!/usr/bin/env bash
# The quickstart's Allure report, end to end: gan:report generates the HTML offline, headless
# Chromium (Debian's chromium, installed here if missing) renders it, and the rendered page must
# show every comparison gan:train wrote. A screenshot stays in the run directory.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
mvn -B -q gan:report
report=reports/quickstart/allure-report
run=$(readlink -f "$(ls -d reports/quickstart/run-* | sort | tail -1)")
expected=$(grep -l '"name":"[^"]* against the paper"' "$run"/allure-results/*-result.json | wc -l)
test "$expected" -ge 1
port=$(( 20000 + RANDOM % 20000 ))
python3 -m http.server "$port" --directory "$report" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1
browse() { timeout 120 chromium --headless=new --no-sandbox --disable-gpu --virtual-time-budget=10000 "$@" 2>/dev/null; }
shown=$(browse --dump-dom "http://localhost:$port/index.html#suites" | grep -o '[^<>]* against the paper' | sort -u | wc -l)
browse --window-size=1400,900 --screenshot="$run/allure-report.png" "http://localhost:$port/index.html" >/dev/null
echo "Allure report: $shown of $expected comparisons shown in the rendered page; screenshot $run/allure-report.png"
test "$shown" -eq "$expected"
test -s "$run/allure-report.png"
