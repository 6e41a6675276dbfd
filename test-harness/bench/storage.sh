#!/usr/bin/env bash
# The ledger's figures against a throwaway PostgreSQL (the fixture's): meter rows per second
# through the MeterWriter and the settlement of a 4-hour event for 1,000 sites. Prints, never fails
# on a number. Needs Debian's postgresql (see .ci/run).
#   test-harness/bench/storage.sh            # 2,000 sites x 60 minutes of telemetry every 10 s
#   test-harness/bench/storage.sh 5000 30
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -ntp -pl modules/storage -am install -DskipTests -Dspotless.check.skip=true
mvn -B -q -ntp -pl modules/storage -Pbench test-compile exec:exec -Dspotless.check.skip=true \
  -Dcheckstyle.skip=true -Dbench.args="${1:-2000} ${2:-60}"
