#!/usr/bin/env bash
# Start-up times of the built product, warm (after one unmeasured run):
#   - `./descent --version`: wall time of the whole command (target <= 3 s)
#   - `./descent` on a virtual display: JVM start to the drawn workbench window, as reported by
#     the workbench itself (-Ddescent.startupTiming=true), and the wall time from the command
#     to that line (target <= 6 s)
# Usage: bench/startup.sh [RUNS] [SCREENSHOT.png]   (needs xvfb; import from imagemagick for the PNG)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shot=${2:-}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
now_ms() { date +%s%3N; }

./descent --version >/dev/null   # builds the product if needed; warms the OSGi cache
version_ms=()
for ((i = 0; i < runs; i++)); do
  t0=$(now_ms); ./descent --version >/dev/null; t1=$(now_ms)
  version_ms+=($((t1 - t0)))
done

command -v Xvfb >/dev/null || { echo "Xvfb is not installed (apt-get install xvfb)" >&2; exit 1; }
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x1024x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1

window_ms=()
wall_ms=()
for ((i = 0; i <= runs; i++)); do
  log=$(mktemp)
  t0=$(now_ms)
  DISPLAY=$display DESCENT_VM_ARGS="-Ddescent.startupTiming=true" ./descent >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q 'window drawn' "$log" && break
    kill -0 $pid 2>/dev/null || { cat "$log" >&2; echo "the workbench exited" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(now_ms)
  ms=$(sed -n 's/.*window drawn \([0-9]*\) ms.*/\1/p' "$log")
  [[ -n "$ms" ]] || { cat "$log" >&2; echo "no 'window drawn' line within 12 s" >&2; exit 1; }
  if (( i > 0 )); then window_ms+=("$ms"); wall_ms+=($((t1 - t0))); fi   # run 0 warms up
  if (( i == runs )) && [[ -n "$shot" ]]; then
    sleep 2; DISPLAY=$display import -window root "$shot"; echo "screenshot: $shot"
  fi
  kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
  rm -f "$log"
done

echo "date: $(date -u +%Y-%m-%d), $(nproc) cores, $(./descent --version | sed -n 2p)"
echo "descent --version, wall ms (min/median of $runs): $(printf '%s\n' "${version_ms[@]}" | sort -n | head -n 1) / $(printf '%s\n' "${version_ms[@]}" | median)"
echo "workbench, JVM start to drawn window ms (min/median): $(printf '%s\n' "${window_ms[@]}" | sort -n | head -n 1) / $(printf '%s\n' "${window_ms[@]}" | median)"
version_median=$(printf '%s\n' "${version_ms[@]}" | median)
wall_median=$(printf '%s\n' "${wall_ms[@]}" | median)
echo "workbench, command to drawn window wall ms (min/median): $(printf '%s\n' "${wall_ms[@]}" | sort -n | head -n 1) / $wall_median"
# issue 19's goal: the drawn workbench within 2.5x the time --version takes on the same machine
echo "ratio, drawn workbench / --version (medians): $(awk -v w="$wall_median" -v v="$version_median" 'BEGIN { printf "%.2f", w / v }') (goal <= 2.5)"
