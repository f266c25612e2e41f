#!/usr/bin/env bash
# Issue 12's sweep figure: a 64-point fmnist grid (adc.bits 4,5,6,8 x crossbar.rows 64..512 x
# adc.columnsPerAdc 2,4,8,16, --images 16, PSNR, no FID) as one `spinsim sweep` process against the
# same 64 points as separate `./spinsim generate` processes, PAR at a time (default 2: the sweep's
# own --parallel on this machine), wall time of each whole, then the ratio. Both start warm (the
# jar built, the launcher's class-data archive made). Every separate run's energy and PSNR are
# checked against the sweep's row for the point.
#
# Usage: benchmarks/sweep-vs-processes.sh [POINTS]   (POINTS: run only the first POINTS of the 64
#        as separate processes and extrapolate, for a quick look; default all 64)
# Knobs (environment): PAR, IMAGES, WORK (scratch folder, default a new mktemp -d).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
PAR="${PAR:-2}"
IMAGES="${IMAGES:-16}"
POINTS="${1:-64}"
WORK="${WORK:-$(mktemp -d)}"
mkdir -p "$WORK"

./spinsim --version >/dev/null                                   # build if needed
./spinsim generate --images 1 --out "$WORK/warm" >/dev/null 2>&1 # the class-data archive
rm -rf "$WORK/warm"

bits=(4 5 6 8)
rows=(64 128 256 512)
cols=(2 4 8 16)
now() { date +%s.%N; }

t0=$(now)
./spinsim sweep --set adc.bits=4,5,6,8 --set crossbar.rows=64,128,256,512 \
  --set adc.columnsPerAdc=2,4,8,16 --images "$IMAGES" --parallel "$PAR" --out "$WORK/sweep" \
  >"$WORK/sweep.log" 2>&1
t1=$(now)
sweep_s=$(echo "$t1 - $t0" | bc -l)

list="$WORK/points.txt"
: >"$list"
for b in "${bits[@]}"; do
  for r in "${rows[@]}"; do
    for c in "${cols[@]}"; do
      echo "$b $r $c" >>"$list"
    done
  done
done
head -n "$POINTS" "$list" >"$list.run"

t0=$(now)
xargs -P "$PAR" -L 1 sh -c './spinsim generate --set adc.bits=$0 --set crossbar.rows=$1 \
  --set adc.columnsPerAdc=$2 --images '"$IMAGES"' --out '"$WORK"'/gen-$0-$1-$2 >/dev/null 2>&1' \
  <"$list.run"
t1=$(now)
gen_s=$(echo "$t1 - $t0" | bc -l)

# the separate runs' figures equal the sweep's rows
/usr/bin/env python3 - "$WORK" <<'EOF'
import csv, sys, os
work = sys.argv[1]
rows = {}
with open(os.path.join(work, 'sweep', 'results.csv'), newline='') as f:
    for r in csv.DictReader(f):
        if r.get('adc.bits'):
            rows[(r['adc.bits'], r['crossbar.rows'], r['adc.columnsPerAdc'])] = r
checked = 0
for name in sorted(os.listdir(work)):
    if not name.startswith('gen-'):
        continue
    b, r, c = name[4:].split('-')
    with open(os.path.join(work, name, 'summary.csv'), newline='') as f:
        s = next(csv.DictReader(f))
    row = rows[(b, r, c)]
    for col in ('energy_pj_per_image', 'psnr_db_vs_float', 'latency_ns_per_image'):
        if s[col] != row[col]:
            sys.exit(f'{name}: {col} {s[col]} differs from the sweep row {row[col]}')
    checked += 1
print(f'rows equal: {checked} separate runs match their sweep rows (energy, PSNR, latency)')
EOF

n=$(wc -l <"$list.run")
gen64=$(echo "$gen_s * 64 / $n" | bc -l)
printf 'sweep, 64 points in one process (--parallel %s): %8.1f s\n' "$PAR" "$sweep_s"
printf 'separate generate processes, %2d points (%s at a time): %8.1f s' "$n" "$PAR" "$gen_s"
if [ "$n" -lt 64 ]; then printf '  (x64/%d = %.1f s)' "$n" "$gen64"; fi
echo
printf 'ratio (separate / sweep): %.2fx\n' "$(echo "$gen64 / $sweep_s" | bc -l)"
echo "load: $(uptime | sed 's/.*load average: //')   scratch: $WORK"
