#!/usr/bin/env bash
# VTN poll load: 1,000 VENs poll a VTN over mutual TLS for a fixed time; prints polls/s and
# latency p50/p99. Never fails on a number. Options as system properties, e.g.
#   modules/vtn/bench.sh -Dbench.vens=1000 -Dbench.seconds=20 -Dbench.tls=false
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl modules/vtn -am install -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true
mvn -B -o -Pbench -pl modules/vtn verify -DskipTests -Dspotless.check.skip=true -Dcheckstyle.skip=true "$@" \
  | grep -E "registered|polls/s|ERROR"
