#!/usr/bin/env bash
# Day-ahead scheduler figures (issue 11). Prints, never fails on a number.
#   test-harness/bench/dayahead.sh size [SITES] [JOBS] [ROOM] [RUNS]
#       one plan of SITES sites x 96 quarter hours x JOBS jobs per policy (BOTH, TEMPORAL,
#       SPATIAL): wall time, objective, Lagrangian lower bound and gap; default 100 10000 1.0 3
#       (ROOM: each site's room as a multiple of its at-arrival peak load)
#   test-harness/bench/dayahead.sh year [DAYS] [SITES] [JOBS_PER_DAY]
#       daily plans over the shipped 2022 carbon data (10 European zones, synthetic prices), each
#       policy on perfect, AR(1) and persistence forecasts, scored on the actuals against
#       run-at-arrival; default 365 20 200
#   test-harness/bench/dayahead.sh exact [SITES] [SLOTS] [JOBS] [SEEDS] [SECONDS]
#       the true gap: each policy on SEEDS fleets of SITES sites x SLOTS hourly slots x JOBS jobs,
#       planned by the scheduler and solved exactly by CP-SAT (SECONDS per instance, 2 workers):
#       heuristic objective, exact optimum (or CP-SAT's bound), Lagrangian bound, true and stated
#       gap; default 6 24 60 4 20
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# test-compile and the class path in one reactor: nothing is installed into ~/.m2
mvn -B -q -ntp -pl modules/optimizer -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/dayahead.cp -Dspotless.check.skip=true -Dcheckstyle.skip=true
cp="modules/optimizer/target/test-classes:modules/optimizer/target/classes"
cp="$cp:$(cat modules/optimizer/target/dayahead.cp)"
uptime
exec java -Xmx3g -cp "$cp" io.gridshift.optimizer.bench.DayAheadBench "$@"
