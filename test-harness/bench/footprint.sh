#!/usr/bin/env bash
# The edge agent's footprint: N agents (simulated sites, MQTT) in one JVM at 1 s telemetry against
# a Mosquitto process, measured over a window after a warm-up. Prints one line of figures.
#   test-harness/bench/footprint.sh 1         # one agent, heap capped at 64 MB
#   test-harness/bench/footprint.sh 1000 120  # a thousand agents, two-minute window
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
sites="${1:-1}"
seconds="${2:-60}"
heap="-Xmx64m"
[ "$sites" -gt 1 ] && heap="-Xmx4g"
mvn -B -q -ntp -pl test-harness/bench -am package -DskipTests -Dspotless.check.skip=true
java $heap -cp test-harness/bench/target/gridshift-benchmarks.jar \
  io.gridshift.bench.agent.AgentFootprint "$sites" "$seconds"
