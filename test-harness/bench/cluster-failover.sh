#!/usr/bin/env bash
# Cluster benchmarks (issue "A real cluster", numbers); they print figures and fail on none.
#   test-harness/bench/cluster-failover.sh failover [kills=10]
#       three aggregator processes, Mosquitto, PostgreSQL, the VTN, 50 agents; the orchestrator of a
#       running event is killed with SIGKILL [kills] times (each killed node restarted): p50/p99 of
#       kill -> the new orchestrator's first loop step (tracking resumed), and of the tracking pause
#       (last loop step before the kill -> first after). Runs ClusterFailoverIT with
#       -DclusterFailover.kills (the event lasts 75 s per kill).
#   test-harness/bench/cluster-failover.sh ingest [sites=10000] [seconds=30]
#       MQTT QoS 0 telemetry through Mosquitto into 1 node, then into 3 nodes of one cluster (one
#       JVM, one share group): aggregator-load.sh mqtt with nodes=1 and nodes=3.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
what="${1:?usage: cluster-failover.sh failover [kills] | ingest [sites] [seconds]}"
shift
case "$what" in
  failover)
    kills="${1:-10}"
    log="$(mktemp)"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    mvn -B -o -pl test-harness/fixtures,modules/aggregator -am verify -Djacoco.skip=true \
      -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
      -Dit.test='ClusterFailoverIT#theEventSurvivesItsOrchestratorsDeathWithNoOrderLostOrAppliedTwice' \
      -DclusterFailover.kills="$kills" > "$log" 2>&1 || { tail -50 "$log"; echo "(full log: $log)"; exit 1; }
    grep -h 'fail-over [0-9]*:' "$log" | sed 's/.*ClusterFailoverIT - //'
    grep -h '^BENCH ' "$log" | sed 's/^BENCH //'
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    ;;
  ingest)
    sites="${1:-10000}"
    secs="${2:-30}"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    test-harness/bench/aggregator-load.sh mqtt "$sites" "$secs" nodes=1
    echo "load average between: $(cut -d' ' -f1-3 /proc/loadavg)"
    SKIP_BUILD=1 test-harness/bench/aggregator-load.sh mqtt "$sites" "$secs" nodes=3
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    ;;
  *) echo "unknown runner: $what (failover, ingest)" >&2; exit 2 ;;
esac
