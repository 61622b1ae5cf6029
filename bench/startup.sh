#!/usr/bin/env bash
# Start-up times of the built product, warm, with its start-up cache (the JVM's AOT cache, which
# ./descent makes on the first launches) and without it (DESCENT_AOT=off), interleaved run by run:
#   - `./descent --version`: wall time of the whole command
#   - `./descent` on a virtual display: JVM start to the drawn workbench window, as reported by
#     the workbench itself (-Ddescent.startupTiming=true), and the wall time from the command
#     to that line
# and issue 19's ratio: the drawn workbench against --version (goal <= 2.5), both ways.
# Usage: bench/startup.sh [RUNS] [SCREENSHOT.png]   (needs xvfb; import from imagemagick for the PNG)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shot=${2:-}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
now_ms() { date +%s%3N; }
stamp=releng/org.descent.product/target/products/org.descent.product/linux/gtk/x86_64/.descent-built

# wait_for_cache KIND: waits (up to 3 minutes) for the start-up cache of application KIND
# (headless, workbench) made since the product's build; on a JDK without AOT caches there is none.
wait_for_cache() {
  local i f
  for i in $(seq 1 360); do
    for f in "${XDG_CACHE_HOME:-$HOME/.cache}"/descent/configuration/launch-*/"$1"-*.aot; do
      [[ -s "$f" && ! "$stamp" -nt "$f" ]] && return 0
    done
    sleep 0.5
  done
  echo "no start-up cache for $1 after 3 minutes (a JDK before 25 makes none)" >&2
}

# builds the product if needed and warms the OSGi cache; the second start in a configuration area
# starts the making of the start-up cache
./descent --version >/dev/null; ./descent --version >/dev/null
wait_for_cache headless
declare -A version_ms window_ms wall_ms
for ((i = 0; i < runs; i++)); do
  for aot in on off; do
    t0=$(now_ms); DESCENT_AOT=$aot ./descent --version >/dev/null; t1=$(now_ms)
    version_ms[$aot]+="$((t1 - t0)) "
  done
done

command -v Xvfb >/dev/null || { echo "Xvfb is not installed (apt-get install xvfb)" >&2; exit 1; }
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x1024x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1

# workbench AOT [SHOT]: opens the workbench, waits for its window, closes it; adds to the lists
workbench() {
  local aot=$1 shot=${2:-} log t0 t1 ms pid
  log=$(mktemp)
  t0=$(now_ms)
  DISPLAY=$display DESCENT_AOT=$aot DESCENT_VM_ARGS="-Ddescent.startupTiming=true" ./descent >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1500); do
    grep -q 'window drawn' "$log" && break
    kill -0 $pid 2>/dev/null || { cat "$log" >&2; echo "the workbench exited" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(now_ms)
  ms=$(sed -n 's/.*window drawn \([0-9]*\) ms.*/\1/p' "$log")
  [[ -n "$ms" ]] || { cat "$log" >&2; echo "no 'window drawn' line within 30 s" >&2; exit 1; }
  window_ms[$aot]+="$ms "
  wall_ms[$aot]+="$((t1 - t0)) "
  if [[ -n "$shot" ]]; then
    sleep 2; DISPLAY=$display import -window root "$shot"; echo "screenshot: $shot"
  fi
  kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
  rm -f "$log"
}

# three unmeasured runs: the first start in its configuration area, then one that records the
# classes the workbench loads, then one that starts the cache's assembly from that record
workbench on; workbench on; workbench on
wait_for_cache workbench
unset window_ms wall_ms
declare -A window_ms wall_ms
for ((i = 0; i < runs; i++)); do
  workbench on
  if (( i == runs - 1 )); then workbench off "$shot"; else workbench off; fi
done

list() { tr ' ' '\n' <<<"$1" | grep . ; }
echo "date: $(date -u +%Y-%m-%d), $(nproc) cores, $(./descent --version | sed -n 2p)"
for aot in on off; do
  label="with the start-up cache"; [[ $aot == off ]] && label="without it (DESCENT_AOT=off)"
  v=$(list "${version_ms[$aot]}" | median); w=$(list "${wall_ms[$aot]}" | median)
  echo "$label:"
  echo "  descent --version, wall ms (min/median of $runs): $(list "${version_ms[$aot]}" | sort -n | head -n 1) / $v"
  echo "  workbench, JVM start to drawn window ms (min/median): $(list "${window_ms[$aot]}" | sort -n | head -n 1) / $(list "${window_ms[$aot]}" | median)"
  echo "  workbench, command to drawn window wall ms (min/median): $(list "${wall_ms[$aot]}" | sort -n | head -n 1) / $w"
  # issue 19's goal: the drawn workbench within 2.5x the time --version takes on the same machine
  echo "  ratio, drawn workbench / --version (medians): $(awk -v w="$w" -v v="$v" 'BEGIN { printf "%.2f", w / v }') (goal <= 2.5)"
done
