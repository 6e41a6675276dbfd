#!/usr/bin/env bash
# Builds the benchmark jar and runs JMH. Figures are printed and written to bench-results/;
# nothing here fails on a number.
#   test-harness/bench/run.sh                 # every benchmark, default settings below
#   test-harness/bench/run.sh Edge            # benchmarks whose name matches a regex
#   JMH_OPTS="-f 1 -wi 2 -i 3" test-harness/bench/run.sh Oadr
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -ntp -pl test-harness/bench -am package -DskipTests -Dspotless.check.skip=true
mkdir -p bench-results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
# One fork, one thread: the goals are stated per core.
java -jar test-harness/bench/target/gridshift-benchmarks.jar \
  ${JMH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 2s -t 1} \
  -rf json -rff "bench-results/jmh-$stamp.json" "$@"
echo "results: bench-results/jmh-$stamp.json"
# Hostile input (issue 10): test-harness/bench/fuzz.sh runs 1,000,000 generated inputs through
# the codecs and prints failures, slowest input, throughput and peak heap.
