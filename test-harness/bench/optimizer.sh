#!/usr/bin/env bash
# The optimizer's figures: allocation time for a large fleet (6 resources x 8 intervals per site)
# by merit order and AUTO (500 ms limit), the full LP on a smaller instance with the merit order's
# gap to it, least cost next to a proportional split, and the bid's time. Prints, never fails on a
# number. A third argument "true" also runs the full LP on the large fleet (about 80 s here).
#   test-harness/bench/optimizer.sh              # 10,000 sites, LP on 2,000
#   test-harness/bench/optimizer.sh 10000 2000 true
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -q -ntp -pl modules/optimizer -am install -DskipTests -Dspotless.check.skip=true
mvn -B -q -ntp -pl modules/optimizer -Pbench test-compile exec:exec -Dspotless.check.skip=true \
  -Dcheckstyle.skip=true -Dbench.args="${1:-10000} ${2:-2000} ${3:-false}"
