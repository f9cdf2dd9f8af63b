# Sourced by bin/doppeld and ./doppel: prints the home of a JDK whose major version is 21 or newer.
# Looks at JAVA_HOME, then `java` on the PATH, then the usual install folders.
doppel_java_major() {
  # The JDK's release file names its version without starting a JVM (0.1 s saved per candidate).
  if [ -f "$1/release" ]; then
    local v
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release")"
    if [ -n "$v" ]; then echo "$v"; return; fi
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}
doppel_find_java_home() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local d
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$d/bin/java" ] && candidates+=("$d")
  done
  for d in "${candidates[@]}"; do
    local v; v="$(doppel_java_major "$d")"
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then echo "$d"; return 0; fi
  done
  echo "doppel: needs a JDK 21 or newer (set JAVA_HOME); none found among: ${candidates[*]}" >&2
  return 1
}
