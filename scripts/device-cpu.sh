#!/usr/bin/env bash
# Measures the agent's CPU share at real time: two simulated bands at 100 Hz, mid-night (the
# simulation starts at 23:30, in bed), JVM settings of the systemd unit. Prints the CPU time the
# process used over a window after a warm-up, as a percentage of one core.
#   scripts/device-cpu.sh [WINDOW_SECONDS=180] [WARMUP_SECONDS=60]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
# shellcheck source=scripts/jdk.sh
. "$root/scripts/jdk.sh"
legwatch_find_jdk
window=${1:-180}
warmup=${2:-60}
(cd "$root" && ./legwatch-device --version >/dev/null)   # builds the jar when needed
journal=$(mktemp -d)
"$JAVA_HOME/bin/java" -Xmx32m -XX:+UseSerialGC -jar "$root/device/target/legwatch-device.jar" simulate \
    --nights 1 --legs 2 --speed 1 --start-at 23:30 --first-evening 2026-11-20 --seed 5 --journal "$journal" \
    >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$journal"' EXIT
ticks=$(getconf CLK_TCK)
sleep "$warmup"
a=$(awk '{print $14 + $15}' "/proc/$pid/stat"); ta=$(date +%s.%N)
sleep "$window"
b=$(awk '{print $14 + $15}' "/proc/$pid/stat"); tb=$(date +%s.%N)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
awk -v a="$a" -v b="$b" -v t="$ticks" -v ta="$ta" -v tb="$tb" -v rss="$rss" \
    'BEGIN { printf "CPU %.3f %% of one core over %.0f s; resident %d MB\n", 100 * (b - a) / t / (tb - ta), tb - ta, rss / 1024 }'
