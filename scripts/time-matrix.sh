#!/usr/bin/env bash
# The whole suite at the hours where "today" bugs live, on a machine clock faked with Debian's faketime and with
# the tests' own clock (STREETDESK_TEST_NOW) at the same instant, in UTC and in Asia/Shanghai:
#   2027-01-01 07:30 Beijing — a quarter's first morning, still 2026-12-31 in UTC;
#   2026-12-01 20:00 UTC     — already 2026-12-02 in Beijing;
#   2026-06-15 03:00 UTC     — an ordinary day, the same date in both.
# Usage: scripts/time-matrix.sh [unit|e2e|all]   (needs: apt-get install faketime)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
command -v faketime >/dev/null || { echo "faketime is not installed (apt-get install faketime)"; exit 2; }
instants=("2026-12-31T23:30:00Z" "2026-12-01T20:00:00Z" "2026-06-15T03:00:00Z")
failed=0
for at in "${instants[@]}"; do
  for tz in UTC Asia/Shanghai; do
    # faketime takes local wall time: the same instant written in each zone.
    wall=$(TZ="$tz" date -d "$at" '+%Y-%m-%d %H:%M:%S')
    for suite in unit e2e; do
      [[ "$what" == all || "$what" == "$suite" ]] || continue
      echo "== $suite at $at (machine: $tz $wall)"
      if ! TZ="$tz" STREETDESK_TEST_NOW="$at" faketime -f "@$wall" npm run "test:$suite" >"/tmp/time-matrix-$suite-${at//:/}-${tz//\//_}.log" 2>&1; then
        echo "   FAILED — see /tmp/time-matrix-$suite-${at//:/}-${tz//\//_}.log"
        failed=1
      fi
    done
  done
done
exit $failed
