#!/usr/bin/env bash
# Issue 10: a million generated hostile inputs through the OpenADR and edge (JSON, CBOR) codecs;
# prints count, failures, slowest input, throughput and peak heap. Nothing fails on a number.
#   test-harness/bench/fuzz.sh              # 1,000,000 inputs, seed 10
#   test-harness/bench/fuzz.sh 5000000 7    # count, seed
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -ntp -pl test-harness/bench -am package -DskipTests -Dspotless.check.skip=true
java -Xmx512m -cp test-harness/bench/target/gridshift-benchmarks.jar \
  io.gridshift.bench.fuzz.HostileInputRun "${1:-1000000}" "${2:-10}"
