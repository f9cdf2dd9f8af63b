#!/usr/bin/env bash
# Clone benchmark (issue 5), everything in one run on this machine:
#   - Doppel's CLONE LOCAL DATA DIRECTORY of a data directory of --size-mb (default 1024) MB,
#   - `cp -a` of the same files (the copy limit of the disk),
#   - `mariadb-backup --backup` of a MariaDB data directory holding as much InnoDB data,
#   - writers committing on Doppel without a clone and while a clone runs (throughput and slowest commit).
# Prints MB/s, ratios and PASS/FAIL against the targets in docs/benchmarks.md. Servers are stopped on exit.
set -euo pipefail
# mysqld runs as root only when told so; so does Doppel (docs/security.md)
doppel_user=(); [ "$(id -u)" = 0 ] && doppel_user=(--user=root)

size_mb=1024 threads=4 keep=0 mariadb=1 runs=2 clone_set=
for arg in "$@"; do
  case "$arg" in
    --size-mb=*) size_mb="${arg#*=}" ;;
    --writers=*) threads="${arg#*=}" ;;
    --runs=*) runs="${arg#*=}" ;;
    --no-mariadb) mariadb=0 ;;
    --clone-set=*) clone_set="${arg#*=}" ;;   # e.g. --clone-set="clone_max_concurrency=1" before the clones
    --keep) keep=1 ;;
    -h|--help) sed -n '2,8p' "$0"; echo "options: --size-mb=N --writers=N --runs=N --no-mariadb --clone-set='var=value[, ...]' --keep"; exit 0 ;;
    *) echo "bench/clone.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "$0")/.." && pwd)"
. "$repo/server/src/dist/bin/find-java.sh"
java_home="$(doppel_find_java_home)" || die "no JDK 21+ found"
work="$(mktemp -d /tmp/doppel-clone-bench.XXXXXX)"
chmod 755 "$work"
doppel_pid= mariadb_pid=
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
stop() { [ -n "$1" ] && kill "$1" 2>/dev/null && { for _ in $(seq 300); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done; kill -9 "$1" 2>/dev/null; } || true; }
cleanup() { local rc=$?; stop "$doppel_pid"; stop "$mariadb_pid"; [ "$keep" = 1 ] && echo "kept $work" || rm -rf "$work"; exit $rc; }
trap cleanup EXIT
await_ready() { for _ in $(seq 600); do grep -q 'ready for connections' "$1" 2>/dev/null && return 0; sleep 0.1; done; tail "$1" >&2; die "not ready: $1"; }
mb_per_s() { awk -v b="$1" -v ms="$2" 'BEGIN { printf "%.0f", (b / 1048576) / (ms / 1000) }'; }
best() { printf '%s\n' "$@" | sort -n | tail -1; }

dist="$repo/server/target/doppel"
[ -x "$dist/bin/doppeld" ] || (cd "$repo" && ./mvnw -B -q -o -DskipTests package) || die "build failed"
cp -a "$dist" "$work/dist"
cj_jar="$HOME/.m2/repository/com/mysql/mysql-connector-j/26.10.0/mysql-connector-j-26.10.0.jar"
[ -f "$cj_jar" ] || die "Connector/J not in ~/.m2 (run ./mvnw -B verify once)"
rows=$(( size_mb * 1024 / 4 ))   # 4 KiB rows

# ---------- Doppel ----------
ddata="$work/doppel/data"; dlog="$work/doppel/error.log"; mkdir -p "$work/doppel"
bash "$work/dist/bin/doppeld" --no-defaults "${doppel_user[@]}" --initialize-insecure --datadir="$ddata" --log-error="$work/doppel/init.log"
dport=$((20000 + RANDOM % 20000))
bash "$work/dist/bin/doppeld" --no-defaults "${doppel_user[@]}" --datadir="$ddata" --bind-address=127.0.0.1 --port="$dport" \
  --socket="$work/doppel/sock" --log-error="$dlog" --log-error-verbosity=3 >/dev/null 2>&1 &
doppel_pid=$!
await_ready "$dlog"
dsql() { mariadb --no-defaults -h127.0.0.1 -P"$dport" -uroot "$@"; }
log "Doppel: loading $size_mb MB ($rows rows of 4 KiB)"
fill_sql() {  # $1: engine clause
  echo "CREATE DATABASE bulk; CREATE TABLE bulk.t (id INT PRIMARY KEY, filler VARCHAR(4000)) $1;"
  awk 'BEGIN { srand(7); printf "INSERT INTO bulk.t VALUES "; for (i = 0; i < 1000; i++) { s = ""; while (length(s) < 4000) s = s sprintf("%08x", int(rand() * 4294967295)); printf "%s(%d,%c%s%c)", (i ? "," : ""), i, 39, substr(s, 1, 4000), 39 } print ";" }'
  for ((k = 1; k < rows / 1000; k++)); do echo "INSERT INTO bulk.t SELECT id + $((k * 1000)), filler FROM bulk.t WHERE id < 1000;"; done
}
fill_sql "ENGINE=InnoDB" | dsql
dsql -e "INSTALL PLUGIN clone SONAME 'mysql_clone.so'"
[ -n "$clone_set" ] && dsql -e "SET GLOBAL $clone_set"
dbytes=$(du -sb "$ddata" | cut -f1)
log "Doppel: data directory $((dbytes / 1048576)) MB"

cp_rates=() clone_rates=() clone_server_rates=()
for ((r = 1; r <= runs; r++)); do
  sync
  t0=$(now_ms); cp -a "$ddata/doppel.mv.db" "$ddata/doppel_format" "$work/cp$r/" 2>/dev/null || { mkdir -p "$work/cp$r"; t0=$(now_ms); cp -a "$ddata/doppel.mv.db" "$ddata/doppel_format" "$work/cp$r/"; }
  sync; t1=$(now_ms)
  cp_rates+=("$(mb_per_s "$(du -sb "$work/cp$r" | cut -f1)" $((t1 - t0)))")
  rm -rf "$work/cp$r"
  sync
  t0=$(now_ms); dsql -e "CLONE LOCAL DATA DIRECTORY '$work/clone$r'"; t1=$(now_ms)
  cbytes=$(dsql -N -e "SELECT SUM(DATA) FROM performance_schema.clone_progress")
  # the server's own duration of the clone, without the client's start and connect
  read -r b e < <(dsql -N -e "SELECT BEGIN_TIME, END_TIME FROM performance_schema.clone_status" | awk -F'\t' '{ gsub(/ /, "T", $1); gsub(/ /, "T", $2); print $1, $2 }')
  server_ms=$(( $(date -d "$e" +%s%3N) - $(date -d "$b" +%s%3N) ))
  clone_rates+=("$(mb_per_s "$cbytes" $((t1 - t0)))")
  clone_server_rates+=("$(mb_per_s "$cbytes" "$server_ms")")
  log "run $r: cp -a ${cp_rates[-1]} MB/s, CLONE ${clone_rates[-1]} MB/s ($((cbytes / 1048576)) MB in $((t1 - t0)) ms; ${server_ms} ms in the server)"
  rm -rf "$work/clone$r"
done

# writers: baseline, then a clone in the middle of the window
wsecs=20
log "writers: $threads connections for ${wsecs}s, a clone starts after 6s"
"$java_home/bin/java" -cp "$cj_jar" "$repo/bench/CloneWriters.java" \
  "jdbc:mysql://127.0.0.1:$dport/?sslMode=DISABLED&allowPublicKeyRetrieval=true" root "" "$threads" "$wsecs" "$work/writers.txt" &
writers_pid=$!
for _ in $(seq 600); do [ -f "$work/writers.txt.started" ] && break; sleep 0.1; done
sleep 6
clone_start=$(now_ms); dsql -e "CLONE LOCAL DATA DIRECTORY '$work/clone-writers'"; clone_end=$(now_ms)
wait "$writers_pid"
read -r base_rate base_max during_rate during_max < <(awk -v s="$clone_start" -v e="$clone_end" '
  NR == 1 { first = $1 }
  $1 >= first + 1000 && $1 + 100 <= s - 200 { bc += $2; bn++; if ($3 > bm) bm = $3 }
  $1 + 100 > s && $1 < e { dc += $2; dn++; if ($3 > dm) dm = $3 }
  END { printf "%.0f %.1f %.0f %.1f\n", bc / (bn * 0.1), bm / 1000, dc / (dn * 0.1), dm / 1000 }' "$work/writers.txt")
stop "$doppel_pid"; doppel_pid=

# ---------- MariaDB ----------
mb_rates=()
if [ "$mariadb" = 1 ]; then
  command -v mariadb-backup >/dev/null || die "mariadb-backup not installed (apt-get install -y mariadb-backup mariadb-server)"
  mdir="$work/mariadb"; mkdir -p "$mdir"; chown mysql:mysql "$mdir"
  mariadb-install-db --user=mysql --datadir="$mdir/data" --auth-root-authentication-method=socket --skip-test-db >"$mdir/install.log" 2>&1
  /usr/sbin/mariadbd --no-defaults --user=mysql --datadir="$mdir/data" --skip-networking --socket="$mdir/sock" \
    --log-error="$mdir/error.log" --innodb-buffer-pool-size=1G --innodb-log-file-size=512M >/dev/null 2>&1 &
  mariadb_pid=$!
  await_ready "$mdir/error.log"
  log "MariaDB: loading $size_mb MB"
  fill_sql "ENGINE=InnoDB" | mariadb --no-defaults -uroot -S "$mdir/sock"
  mbytes=$(du -sb "$mdir/data" | cut -f1)
  log "MariaDB: data directory $((mbytes / 1048576)) MB"
  for ((r = 1; r <= runs; r++)); do
    sync
    t0=$(now_ms)
    mariadb-backup --backup --user=root --socket="$mdir/sock" --target-dir="$work/mb$r" >"$work/mb$r.log" 2>&1 \
      || { tail "$work/mb$r.log" >&2; die "mariadb-backup failed"; }
    sync; t1=$(now_ms)
    mb_rates+=("$(mb_per_s "$(du -sb "$work/mb$r" | cut -f1)" $((t1 - t0)))")
    log "run $r: mariadb-backup ${mb_rates[-1]} MB/s"
    rm -rf "$work/mb$r"
  done
fi

cp_best=$(best "${cp_rates[@]}"); clone_best=$(best "${clone_rates[@]}")
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v >= t ? "PASS" : "FAIL") }'; }
echo
echo "clone benchmark: $((dbytes / 1048576)) MB Doppel data directory, best of $runs runs"
printf '  %-34s %8s MB/s\n' "cp -a + sync (same files)" "$cp_best" "Doppel CLONE LOCAL (statement)" "$clone_best" \
  "  (in the server, from clone_status)" "$(best "${clone_server_rates[@]}")"
ratio_cp=$(awk -v a="$clone_best" -v b="$cp_best" 'BEGIN { printf "%.2f", a / b }')
echo "  clone / cp                          ${ratio_cp}x  (target >= 0.9)  $(verdict "$ratio_cp" 0.9)"
if [ "$mariadb" = 1 ]; then
  mb_best=$(best "${mb_rates[@]}")
  ratio_mb=$(awk -v a="$clone_best" -v b="$mb_best" 'BEGIN { printf "%.2f", a / b }')
  printf '  %-34s %8s MB/s\n' "mariadb-backup --backup ($((mbytes / 1048576)) MB)" "$mb_best"
  echo "  clone / mariadb-backup              ${ratio_mb}x  (target >= 1.0)  $(verdict "$ratio_mb" 1.0)"
fi
ratio_w=$(awk -v a="$during_rate" -v b="$base_rate" 'BEGIN { printf "%.2f", a / b }')
echo "writers ($threads connections, single-row autocommit INSERTs):"
echo "  without clone: $base_rate commits/s, slowest ${base_max} ms"
echo "  during clone ($((clone_end - clone_start)) ms): $during_rate commits/s, slowest ${during_max} ms"
echo "  during / without                    ${ratio_w}x  (target >= 0.8)  $(verdict "$ratio_w" 0.8)"
echo "  slowest commit during clone         ${during_max} ms (target <= 100)  $(awk -v m="$during_max" 'BEGIN { print (m <= 100 ? "PASS" : "FAIL") }')"
