#!/usr/bin/env bash
# Long coverage-guided fuzzing campaign of the SQL front end (Jazzer, SqlFrontEndFuzzTest, docs/security.md).
#   scripts/fuzz-sql.sh [seconds]   default 600 s. The corpus grows in server/.cifuzz-corpus across runs; a finding
#                                   is written as crash-<hash> in the current directory: copy it into
#                                   server/src/test/resources/dev/doppel/server/sql/fuzz/SqlFrontEndFuzzTestInputs/
#                                   everyTextIsParsedOrRefusedWithMySqlsError/ so that every test run replays it.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
source "$here/server/src/dist/bin/find-java.sh"
export JAVA_HOME="$(doppel_find_java_home)"
seconds="${1:-600}"
cd "$here"
./mvnw -B -q test-compile dependency:build-classpath -pl server -am -Ddoppel.aot.skip=true -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/fuzz.classpath
corpus="server/.cifuzz-corpus/dev.doppel.server.sql.fuzz.SqlFrontEndFuzzTest/everyTextIsParsedOrRefusedWithMySqlsError"
mkdir -p "$corpus"
exec "$JAVA_HOME/bin/java" -cp "server/target/test-classes:server/target/classes:$(cat server/target/fuzz.classpath)" \
  com.code_intelligence.jazzer.Jazzer --target_class=dev.doppel.server.sql.fuzz.SqlFrontEndFuzzTest \
  --instrumentation_includes='dev.doppel.**' "$corpus" \
  server/src/test/resources/dev/doppel/server/sql/fuzz/SqlFrontEndFuzzTestInputs/everyTextIsParsedOrRefusedWithMySqlsError \
  -max_total_time="$seconds"
