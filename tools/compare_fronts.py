#!/usr/bin/env python3
"""Compare the (energy, PSNR) Pareto fronts of two `spinsim sweep` folders.

Usage: compare_fronts.py A/results.csv B/results.csv [--reference-uj E] [--epsilon-energy F --epsilon-psnr D]

Reads the ok rows of each results.csv, keeps the non-dominated ones (energy per image minimised,
PSNR vs float maximised), prints each front with its knobs and its hypervolume (the area the front
dominates up to the reference point: E µJ and 0 dB; default 1.05 x the largest energy of both), and
which of A's front points no point of B dominates or equals; with --epsilon-energy F and
--epsilon-psnr D also which no point of B epsilon-dominates (Laumanns et al. 2002: energy at most
(1 + F) times, PSNR at least D dB below), for differences smaller than the run-to-run meaning of a
figure (a knob such as ADC sharing moves energy by 0.01 %). Plain Python, no third-party modules.
"""
import argparse
import csv

def front(path):
    with open(path, newline='') as f:
        rows = [r for r in csv.DictReader(f) if r['status'] == 'ok']
    pts = [(float(r['energy_pj_per_image']) / 1e6, float(r['psnr_db_vs_float']), r) for r in rows]
    f = [p for p in pts
         if not any(q[0] <= p[0] and q[1] >= p[1] and (q[0] < p[0] or q[1] > p[1]) for q in pts)]
    return sorted(f, key=lambda p: (p[0], -p[1])), pts


def hypervolume(points, ref_uj):
    """Area dominated by the points up to (ref_uj, 0 dB): energy minimised, PSNR maximised."""
    pts = sorted((e, p) for e, p, _ in points if e < ref_uj and p > 0)
    area, best = 0.0, 0.0
    for i, (e, p) in enumerate(pts):
        best = max(best, p)
        nxt = pts[i + 1][0] if i + 1 < len(pts) else ref_uj
        area += (nxt - e) * best
    return area


def knob_columns(path):
    with open(path, newline='') as f:
        header = next(csv.reader(f))
    # results.csv: point_id, config_hash, status, the knobs, the metrics..., reason
    first_metric = next(i for i, h in enumerate(header) if h.endswith('_per_image') or h.endswith('_ns'))
    return header[3:first_metric]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('a')
    ap.add_argument('b')
    ap.add_argument('--reference-uj', type=float)
    ap.add_argument('--epsilon-energy', type=float, default=0.0)
    ap.add_argument('--epsilon-psnr', type=float, default=0.0)
    args = ap.parse_args()
    fa, pa = front(args.a)
    fb, pb = front(args.b)
    ref = args.reference_uj or 1.05 * max(p[0] for p in pa + pb)
    for name, path, f in (('A', args.a, fa), ('B', args.b, fb)):
        keys = knob_columns(path)
        print('%s %s: front of %d points, hypervolume %.1f uJ*dB' % (name, path, len(f), hypervolume(f, ref)))
        for e, p, r in f:
            print('  %9.3f uJ %6.2f dB  %s' % (e, p, ' '.join('%s=%s' % (k, r[k]) for k in keys)))
    covered = 0
    for e, p, _ in fa:
        if any(q[0] <= e and q[1] >= p for q in fb):
            covered += 1
        else:
            print('B dominates or equals no point of A at %.3f uJ, %.2f dB' % (e, p))
    print('B dominates or equals %d of the %d points of A\'s front (reference %.2f uJ, 0 dB)'
          % (covered, len(fa), ref))
    if args.epsilon_energy or args.epsilon_psnr:
        fe, dp = args.epsilon_energy, args.epsilon_psnr
        near = 0
        for e, p, _ in fa:
            if any(q[0] <= e * (1 + fe) and q[1] >= p - dp for q in fb):
                near += 1
            else:
                print('B epsilon-dominates no point of A at %.3f uJ, %.2f dB' % (e, p))
        print('B epsilon-dominates %d of the %d points of A\'s front (energy within %.2f %%, PSNR within %.2f dB)'
              % (near, len(fa), 100 * fe, dp))


if __name__ == '__main__':
    main()
