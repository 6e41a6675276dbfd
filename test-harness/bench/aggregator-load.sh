#!/usr/bin/env bash
# Load runners for the aggregator (issue "Aggregator", numbers). Each starts a node in this JVM and
# prints one line of figures; nothing here fails on a number.
#   test-harness/bench/aggregator-load.sh mqtt [sites=10000] [seconds=30] [embedded] [publishers=4] [rate=0]
#       QoS 0 telemetry through Mosquitto (or the embedded broker) against a bare subscriber
#   test-harness/bench/aggregator-load.sh dispatch [sites=1000] [clients=20] [rounds=2] [embedded]
#       one order per site at once, each site's client acks it: issue -> ACCEPTED latencies, per round
#   test-harness/bench/aggregator-load.sh heap [sites=10000]
#       heap per site after 20 readings and one envelope each (-Xmx2g)
#   test-harness/bench/aggregator-load.sh coap [sites=10000] [seconds=30] [clients=2] [raw|californium]
#       NON CoAP telemetry POSTs to the node's CoAP port, from lean raw-UDP senders (default) or Californium clients
#   test-harness/bench/aggregator-load.sh ven [events=2000] [warmup=500]
#       a new 24-interval event at the real VTN, then one VEN poll timed up to its oadrCreatedEvent
#   test-harness/bench/aggregator-load.sh event [sites=1000] [events=20] [warmup=3] [clients=20]
#       events from the real VTN to a node with N MQTT sites: received -> all orders sent, p50/p99
# SKIP_BUILD=1 reuses the jar already built.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
what="${1:?usage: aggregator-load.sh mqtt|dispatch|heap|coap|ven|event [args]}"
shift
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -o -q -pl test-harness/bench package -DskipTests
fi
jar=test-harness/bench/target/gridshift-benchmarks.jar
pkg=io.gridshift.bench.aggregator
# what Hazelcast asks for to use its fast paths
opens="--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.management/sun.management=ALL-UNNAMED --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED"
case "$what" in
  mqtt) exec java $opens -Xmx2g -cp "$jar" "$pkg.MqttIngestLoad" "$@" ;;
  dispatch) exec java $opens -Xmx1g -cp "$jar" "$pkg.DispatchLoad" "$@" ;;
  heap) exec java $opens -Xmx2g -cp "$jar" "$pkg.HeapPerSite" "$@" ;;
  coap) exec java $opens -Xmx2g -cp "$jar" "$pkg.CoapIngestLoad" "$@" ;;
  ven) exec java $opens -Xmx1g -cp "$jar" "$pkg.VenDecisionLoad" "$@" ;;
  event) exec java $opens -Xmx1g -cp "$jar" "$pkg.EventDispatchLoad" "$@" ;;
  *) echo "unknown runner: $what (mqtt, dispatch, heap, coap, ven, event)" >&2; exit 2 ;;
esac
