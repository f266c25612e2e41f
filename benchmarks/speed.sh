#!/usr/bin/env bash
# The speed goals of spinsim, measured in one run on this machine, side by side with PyTorch:
#   - functional images/s (fmnist and dcgan64, `paper` and `ideal`) and cycle-accurate images/s,
#     a whole run in process (chip built once, then IMAGES images) after a warm-up run of the same
#     size (PyTorch warms up on three batches);
#   - PyTorch float images/s of the same generators on the shipped weights (batch 256 fmnist,
#     64 dcgan64, 2 threads, eval mode, no grad);
#   - one image as a whole process: `./spinsim generate --images 1` against Python starting,
#     importing torch, loading the weights, generating one image and writing its PNG; the median of
#     RUNS alternating runs of each;
# and prints the ratios. Torch is /usr/bin/python3's (override with PY=...); without it the
# PyTorch rows are skipped with a message.
#
# Usage: benchmarks/speed.sh [quick|one-image]   (quick: fewer images and runs, for a smoke test;
# one-image: only the one-image whole-process comparison and its ratio)
# Knobs (environment): FMNIST_IMAGES, DCGAN_IMAGES, CA_IMAGES, RUNS, TORCH_SECONDS, PY.
# The machine is shared: quote the ratios, which come from the same run, not the absolute figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
PY="${PY:-/usr/bin/python3}"
only_one=0
[ "${1:-}" = one-image ] && only_one=1
if [ "${1:-}" = quick ]; then
  : "${FMNIST_IMAGES:=32}" "${DCGAN_IMAGES:=4}" "${CA_IMAGES:=16}" "${RUNS:=2}" "${TORCH_SECONDS:=2}"
fi
FMNIST_IMAGES="${FMNIST_IMAGES:-512}"
DCGAN_IMAGES="${DCGAN_IMAGES:-32}"
CA_IMAGES="${CA_IMAGES:-256}"
RUNS="${RUNS:-5}"
TORCH_SECONDS="${TORCH_SECONDS:-10}"

echo "building (mvn package -pl sim-cli,benchmarks -am)…" >&2
mvn -q -B -DskipTests package -pl sim-cli,benchmarks -am >/dev/null
# the launcher rebuilds only when a source is newer than the jar; make sure it does not now
./spinsim --version >/dev/null

bench_jar=benchmarks/target/benchmarks.jar
java_opts=(--add-modules=jdk.incubator.vector ${SPINSIM_JAVA_OPTS:-})
declare -A ips
spinsim_ips() { # model preset mode images
  local line
  line="$(java "${java_opts[@]}" -cp "$bench_jar" dev.spinsim.benchmarks.SpeedBenchmark "$@" 2>/dev/null \
    | grep '^images_per_s')"
  ips["$1 $2 $3"]="$(echo "$line" | awk '{print $5}')"
  printf '  spinsim %-8s %-6s %-15s %10.2f images/s  (%s images)\n' "$1" "$2" "$3" "${ips["$1 $2 $3"]}" "$4"
}

if [ "$only_one" = 0 ]; then
  echo "== simulated images/s (whole run in process, after a warm-up run of the same size)"
  spinsim_ips fmnist paper functional "$FMNIST_IMAGES"
  spinsim_ips fmnist ideal functional "$FMNIST_IMAGES"
  spinsim_ips fmnist paper cycle-accurate "$CA_IMAGES"
  spinsim_ips dcgan64 paper functional "$DCGAN_IMAGES"
  spinsim_ips dcgan64 ideal functional "$DCGAN_IMAGES"
  spinsim_ips dcgan64 paper cycle-accurate "$DCGAN_IMAGES"
fi

have_torch=1
if ! "$PY" -c 'import torch' 2>/dev/null; then
  have_torch=0
  echo "== PyTorch: skipped ($PY cannot import torch; apt-get install python3-torch)"
fi
declare -A tips
if [ "$have_torch" = 1 ] && [ "$only_one" = 0 ]; then
  echo "== PyTorch float images/s ($PY, torch $("$PY" -c 'import torch; print(torch.__version__)'), 2 threads)"
  tips[fmnist]="$("$PY" benchmarks/torch_generate.py --model fmnist --throughput --batch 256 --seconds "$TORCH_SECONDS" | awk '{print $2}')"
  printf '  torch   fmnist   %10.2f images/s  (batch 256)\n' "${tips[fmnist]}"
  tips[dcgan64]="$("$PY" benchmarks/torch_generate.py --model dcgan64 --throughput --batch 64 --seconds "$TORCH_SECONDS" | awk '{print $2}')"
  printf '  torch   dcgan64  %10.2f images/s  (batch 64)\n' "${tips[dcgan64]}"
fi

echo "== one image, whole process (median of $RUNS, alternating)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
now_ms() { date +%s%3N; }
sp=()
tp=()
# one untimed run of each first: the build above rewrote the jar, and the launcher's first
# generate after a build records its class-data archive and chip-build cache (as a user's first
# run does); the timed runs are the ones after that
./spinsim generate --images 1 --out "$tmp/warm-up" >/dev/null 2>&1
if [ "$have_torch" = 1 ]; then
  "$PY" benchmarks/torch_generate.py --model fmnist --one "$tmp/warm-up.png"
fi
for i in $(seq 1 "$RUNS"); do
  t0=$(now_ms)
  ./spinsim generate --images 1 --out "$tmp/run$i" >/dev/null 2>&1
  sp+=($(( $(now_ms) - t0 )))
  if [ "$have_torch" = 1 ]; then
    t0=$(now_ms)
    "$PY" benchmarks/torch_generate.py --model fmnist --one "$tmp/torch$i.png"
    tp+=($(( $(now_ms) - t0 )))
  fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
sp_med=$(median "${sp[@]}")
printf '  spinsim generate --images 1   %6s ms  (runs: %s)\n' "$sp_med" "${sp[*]}"
if [ "$have_torch" = 1 ]; then
  tp_med=$(median "${tp[@]}")
  printf '  torch one image + PNG         %6s ms  (runs: %s)\n' "$tp_med" "${tp[*]}"
fi

echo "== ratios (goals in brackets)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
if [ "$only_one" = 0 ]; then
  printf '  cycle-accurate / functional time, fmnist paper  %s  [<= 2]\n' \
    "$(ratio "${ips[fmnist paper functional]}" "${ips[fmnist paper cycle-accurate]}")"
  printf '  cycle-accurate / functional time, dcgan64 paper %s\n' \
    "$(ratio "${ips[dcgan64 paper functional]}" "${ips[dcgan64 paper cycle-accurate]}")"
fi
if [ "$have_torch" = 1 ]; then
  if [ "$only_one" = 0 ]; then
    for m in fmnist dcgan64; do
      for p in paper ideal; do
        printf '  spinsim functional %s %s / torch  %s%s\n' "$m" "$p" \
          "$(ratio "${ips[$m $p functional]}" "${tips[$m]}")" \
          "$([ "$m $p" = 'fmnist paper' ] && echo '  [>= 1, must >= 0.5]' || true)"
      done
    done
  fi
  printf '  one image whole process, spinsim / torch  %s  [<= 0.5]\n' "$(ratio "$sp_med" "$tp_med")"
fi
