#!/usr/bin/env bash
# Long protocol and SQL fuzzing campaign against a real server (ProtocolFuzzIT, docs/security.md).
#   scripts/fuzz.sh [seconds] [seed] [round]   default 600 s and a new seed; the seed is printed, so a failure
#                                               replays (from its round: the rounds before it are skipped)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
source "$here/server/src/dist/bin/find-java.sh"
export JAVA_HOME="$(doppel_find_java_home)"
seconds="${1:-600}"
seed_option=()
[ $# -ge 2 ] && seed_option=("-Ddoppel.fuzz.seed=$2")
[ $# -ge 3 ] && seed_option+=("-Ddoppel.fuzz.round=$3")
cd "$here"
exec ./mvnw -B verify -pl server -am -Ddoppel.aot.skip=true -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ProtocolFuzzIT -Dfailsafe.failIfNoSpecifiedTests=false -Ddoppel.fuzz.seconds="$seconds" "${seed_option[@]}"
