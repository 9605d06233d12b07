#!/usr/bin/env bash
# Benchmark of the cover planner (issue: fit any change set into one batch), in one run: plan time and heap for
# 250,000 / 500,000 / 1,000,000 deployed objects, 10% changed at random, 5% in one subtree, or 10 directories
# rewritten plus 50 files elsewhere; budgets of 15,
# 100 and 3,000 paths; then, on the 1,000,000-object sets, the plan beside sending every path, /* and s3deploy's rule.
#
# REVISIONS="previous=c5a7e36" also compiles those commits (in a temporary git worktree) and runs this checkout's and
# their planner in ROUNDS interleaved rounds (default 5), one JVM each, through this checkout's benchmark with
# RUNS_PER_CASE timed runs a case (default 9): the plan times side by side, medians over the rounds, so that a change
# can be shown not to slow the planner down.
#
# Needs JDK 17. Usage: bench/planner.sh      Results: printed, and saved to target/bench-planner/results.md
set -euo pipefail
cd "$(dirname "$0")/.."
REVISIONS=${REVISIONS:-}
ROUNDS=${ROUNDS:-5}
RUNS_PER_CASE=${RUNS_PER_CASE:-9}
./mvnw -B -q test-compile -Dspotless.check.skip
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
work=target/bench-planner
rm -rf "$work" && mkdir -p "$work/rounds"
DEPS=$(cat target/bench-classpath.txt)
plan() { # the planner's classes (a checkout's root), timed runs a case -> the benchmark's tables on stdout
    java -Xmx2g "-Dplanner.runs=$2" -cp "$1/target/classes:$PWD/target/test-classes:$DEPS" \
        io.github.cloudfrontmavenplugin.plan.PlannerBenchmarkMain
}
plan "$PWD" 3 | tee "$work/results.md"
[ -n "$REVISIONS" ] || exit 0

labels=("this checkout") roots=("$PWD") trees=()
trap 'for t in "${trees[@]}"; do git worktree remove --force "$t"; done' EXIT
for pair in $REVISIONS; do
    label=${pair%%=*} rev=${pair#*=}
    tree=$(mktemp -d)/tree
    git worktree add -q --detach "$tree" "$rev"
    trees+=("$tree")
    (cd "$tree" && ./mvnw -B -q compile -Dspotless.check.skip)
    labels+=("$label ($rev)") roots+=("$tree")
done
echo "== Side by side: $ROUNDS rounds of ${#roots[@]} planners"
for i in $(seq 1 "$ROUNDS"); do
    for v in "${!roots[@]}"; do
        plan "${roots[$v]}" "$RUNS_PER_CASE" >"$work/rounds/$v-$i.md"
    done
done
printf '%s\n' "${labels[@]}" >"$work/labels.txt"
python3 - "$work" "$ROUNDS" "$RUNS_PER_CASE" <<'PY' | tee -a "$work/results.md"
import glob, re, statistics, sys
work, rounds, runs_per_case = sys.argv[1], sys.argv[2], sys.argv[3]
labels = open(f"{work}/labels.txt").read().splitlines()
row = re.compile(r"\| ([\d,]+) \| ([a-z ]+) \| ([\d,]+) \| (\d+) \| (\d+) ms \|")
times = {}  # (objects, change set, changed, budget) -> version -> [ms per round]
totals = {}  # version -> [ms of all cases, per round]
for v in range(len(labels)):
    for f in glob.glob(f"{work}/rounds/{v}-*.md"):
        total = 0
        for m in filter(None, map(row.match, open(f))):
            times.setdefault(m.groups()[:4], {}).setdefault(v, []).append(int(m[5]))
            total += int(m[5])
        totals.setdefault(v, []).append(total)
print(f"\n## Plan time side by side: medians of {rounds} interleaved rounds (each a median of {runs_per_case} runs)\n")
print("| objects | change set | changed | budget | " + " | ".join(labels) + " |")
print("|---|---|---|---|" + "---|" * len(labels))
for case, by_version in times.items():
    medians = [statistics.median(by_version[v]) for v in range(len(labels))]
    print("| " + " | ".join(case) + " | " + " | ".join(f"{m:.0f} ms" for m in medians) + " |")
# One case's median moves by half its value between runs of the same code (garbage collection, compilation); a
# round's total over every case is the steadier figure.
print("| all cases: a round's total, median (range) | | | | " + " | ".join(
    f"{statistics.median(totals[v]) / 1000:.2f} s ({min(totals[v]) / 1000:.2f}–{max(totals[v]) / 1000:.2f} s)"
    for v in range(len(labels))) + " |")
PY
