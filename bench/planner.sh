#!/usr/bin/env bash
# Benchmark of the cover planner (issue: fit any change set into one batch), in one run: plan time and heap for
# 250,000 / 500,000 / 1,000,000 deployed objects, 10% changed at random, 5% in one subtree, or 10 directories
# rewritten plus 50 files elsewhere; budgets of 15,
# 100 and 3,000 paths; then, on the 1,000,000-object sets, the plan beside sending every path, /* and s3deploy's rule.
# Needs JDK 17. Usage: bench/planner.sh      Results: printed, and saved to target/bench-planner/results.md
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile -Dspotless.check.skip
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench-planner
java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    io.github.cloudfrontmavenplugin.plan.PlannerBenchmarkMain | tee target/bench-planner/results.md
