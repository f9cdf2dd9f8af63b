#!/usr/bin/env bash
# Side-by-side benchmark: a fresh Doppel and (optionally) a reference MariaDB, measured back to back in one run.
# Prints absolute figures, Doppel/MariaDB ratios and PASS/FAIL against the targets of docs/benchmarks.md.
# Everything listens on 127.0.0.1 only; every server this script starts is stopped on exit (trap).
set -euo pipefail
# mysqld runs as root only when told so; so does Doppel (docs/security.md)
doppel_user=(); [ "$(id -u)" = 0 ] && doppel_user=(--user=root)

usage() {
  cat <<'EOF'
usage: bench/run.sh [options]
  --duration=S          sysbench SELECT 1 run time in seconds (default 20)
  --oltp-duration=S     run time of each sysbench OLTP workload in seconds (default 20)
  --oltp-warmup=S       an unmeasured run of each OLTP workload before the measured one (default 10; 0 = none)
  --rounds=N            OLTP rounds: each round runs every workload on Doppel, then on MariaDB; the verdict is
                        the median of the rounds' ratios (default 3)
  --tables=N            sysbench OLTP tables (default 4)
  --table-size=N        rows per sysbench OLTP table (default 10000)
  --only=basic|oltp     only the basic figures (start, connect, SELECT 1, RSS) or only the OLTP workloads
  --threads=N           sysbench threads (default 8)
  --connections=N       measured sequential Connector/J connections, after 500 warm-up (default 2000)
  --startup-runs=N      cold starts timed to the "ready for connections" line (default 3)
  --mariadb             also start a private MariaDB (mariadb-install-db into the temp dir, user bench/bench)
  --mariadb-port=P      compare with an already running MariaDB on 127.0.0.1:P instead
  --mariadb-user=U      account for --mariadb-port (default bench)
  --mariadb-password=W  password for --mariadb-port (default bench)
  --wait-idle=S         before each measurement wait up to S seconds for the rest of the box to go idle
                        (default 120; 0 = measure at once). The busy share seen is printed either way.
  --keep                keep the temp directory (data directories, error logs, raw outputs)
Without --mariadb / --mariadb-port only Doppel's absolute figures are reported.
Environment: JAVA_HOME (JDK 21+) is used for Doppel and the Connector/J client; DOPPEL_JAVA_OPTS as for bin/doppeld.
EOF
}

duration=20 threads=8 connections=2000 startup_runs=3 oltp_duration=20 oltp_warmup=10 rounds=3 tables=4 table_size=10000 only=all
mariadb_mode=none mariadb_port= mariadb_user=bench mariadb_password=bench keep=0 wait_idle=120
# Idle RSS is read again this long after the first reading 2 s after the connection test: the JVM gives heap and
# malloc memory back after 5 s without work (bin/doppeld), MariaDB keeps what it has.
settle_s=10
for arg in "$@"; do
  case "$arg" in
    --duration=*) duration="${arg#*=}" ;;
    --threads=*) threads="${arg#*=}" ;;
    --connections=*) connections="${arg#*=}" ;;
    --startup-runs=*) startup_runs="${arg#*=}" ;;
    --oltp-duration=*) oltp_duration="${arg#*=}" ;;
    --oltp-warmup=*) oltp_warmup="${arg#*=}" ;;
    --rounds=*) rounds="${arg#*=}" ;;
    --tables=*) tables="${arg#*=}" ;;
    --table-size=*) table_size="${arg#*=}" ;;
    --only=basic|--only=oltp) only="${arg#*=}" ;;
    --mariadb) mariadb_mode=start ;;
    --mariadb-port=*) mariadb_mode=external mariadb_port="${arg#*=}" ;;
    --mariadb-user=*) mariadb_user="${arg#*=}" ;;
    --mariadb-password=*) mariadb_password="${arg#*=}" ;;
    --keep) keep=1 ;;
    --wait-idle=*) wait_idle="${arg#*=}" ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown option $arg" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$oltp_warmup" =~ ^[0-9]+$ ]] || { echo "bench/run.sh: not a number: $oltp_warmup" >&2; exit 2; }
[[ "$wait_idle" =~ ^[0-9]+$ ]] || { echo "bench/run.sh: not a number: $wait_idle" >&2; exit 2; }
[ "$only" = oltp ] && startup_runs=1
for n in "$duration" "$threads" "$connections" "$startup_runs" "$oltp_duration" "$rounds" "$tables" "$table_size"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: not a positive number: $n" >&2; exit 2; }
done

repo="$(cd "$(dirname "$0")/.." && pwd)"
bench="$repo/bench"
cj_version=26.10.0
# Upper bounds for every step, so a hung server cannot hang the run.
startup_timeout=30 stop_timeout=30 connect_timeout=600 sysbench_timeout=$((duration + 60))
oltp_timeout=$(( (oltp_duration > oltp_warmup ? oltp_duration : oltp_warmup) + 60 )) prepare_timeout=600 client_timeout=30

work="$(mktemp -d /tmp/doppel-bench.XXXXXX)"
chmod 755 "$work"   # mariadbd runs as user mysql and must reach its data directory inside
doppel_pid= mariadb_pid=

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_process "$doppel_pid" doppel || true
  stop_process "$mariadb_pid" mariadb || true
  if [ "$keep" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rss_mb() { ps -o rss= -p "$1" | awk '{printf "%.1f", $1 / 1024}'; }

# Stops a process this script started: SIGTERM, then SIGKILL after stop_timeout.
stop_process() {
  local pid="$1" name="$2" i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < stop_timeout * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  log "$name (pid $pid) ignored SIGTERM for ${stop_timeout}s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 20000))
    port_in_use "$p" || { echo "$p"; return 0; }
  done
  die "no free port found"
}

# Waits until the error log holds the ready line; sets ready_ms (since launch time $2) or fails.
await_ready() {
  local logfile="$1" started="$2" pid="$3" name="$4" deadline=$(( $(now_ms) + startup_timeout * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    if grep -q 'ready for connections' "$logfile" 2>/dev/null; then
      ready_ms=$(( $(now_ms) - started )); return 0
    fi
    kill -0 "$pid" 2>/dev/null || { tail -20 "$logfile" >&2 2>/dev/null; die "$name exited before it was ready (log: $logfile)"; }
    sleep 0.01
  done
  tail -20 "$logfile" >&2 2>/dev/null
  die "$name not ready within ${startup_timeout}s (log: $logfile)"
}

# CPU ticks (USER_HZ) spent busy by the whole machine, and by one process.
machine_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
process_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
hz="$(getconf CLK_TCK)"
ncpu="$(nproc)"

# Share of all CPUs busy over one second, in percent (the servers under test are idle when this is called).
cpu_busy() {
  local a b; a="$(machine_busy_ticks)"; sleep 1; b="$(machine_busy_ticks)"
  echo $(( 100 * (b - a) / (hz * ncpu) ))
}
# Benchmarks on a shared box are only comparable when nothing else runs (a Maven build costs 25-45 %).
await_idle() {
  local busy waited=0
  busy="$(cpu_busy)"
  while [ "$busy" -gt 10 ] && [ "$waited" -lt "$wait_idle" ]; do
    [ "$waited" = 0 ] && log "other processes keep ${busy}% of the CPUs busy; waiting up to ${wait_idle}s for an idle box"
    sleep 4; waited=$((waited + 5)); busy="$(cpu_busy)"
  done
  [ "$busy" -gt 10 ] && log "WARNING: measuring while other processes keep ${busy}% of the CPUs busy"
  return 0
}

# measured SERVER_PID CMD... : runs a client command; sets `server_cpu_s` (CPU seconds the server used meanwhile) and
# `foreign`, the share (%) of all CPUs that processes other than the client and the server used meanwhile, so that
# noise is visible (both "?" when the server is not a process of ours).
max_foreign=0
measured() {
  local server_pid="$1"; shift
  local t0 m0 s0 m1 s1 rc=0 client_s
  t0="$(date +%s%N)"; m0="$(machine_busy_ticks)"; s0="$(process_ticks "${server_pid:-self}")"
  { time "$@" 2>&3; } 3>&2 2>"$work/time.txt" || rc=$?
  m1="$(machine_busy_ticks)"; s1="$(process_ticks "${server_pid:-self}")"
  client_s="$(tail -1 "$work/time.txt" | awk '{ print $1 + $2 }')"
  if [ -n "$server_pid" ]; then
    server_cpu_s="$(awk -v s=$((s1 - s0)) -v hz="$hz" 'BEGIN { print s / hz }')"
    foreign="$(awk -v m=$((m1 - m0)) -v s=$((s1 - s0)) -v c="$client_s" -v hz="$hz" -v n="$ncpu" \
      -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { f = 100 * (m - s - c * hz) / (ns / 1e9 * hz * n); printf "%d", f < 0 ? 0 : f }')"
    [ "$foreign" -gt "$max_foreign" ] && max_foreign="$foreign"
  else
    foreign="?" server_cpu_s="?"
  fi
  return "$rc"
}
TIMEFORMAT='%3U %3S'  # client CPU seconds (user, system) for measured()

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# ---------- prerequisites ----------
for tool in sysbench mariadb timeout; do
  command -v "$tool" >/dev/null || die "$tool not found (apt-get install -y sysbench mariadb-client)"
done
if [ "$mariadb_mode" = start ]; then
  command -v mariadb-install-db >/dev/null && [ -x /usr/sbin/mariadbd ] || die "mariadb-server not installed (apt-get install -y mariadb-server)"
fi
dist="$repo/server/target/doppel"
if [ ! -x "$dist/bin/doppeld" ]; then
  log "building the distribution (./mvnw -q -DskipTests package)"
  (cd "$repo" && { timeout 900 ./mvnw -B -q -o -DskipTests package || timeout 900 ./mvnw -B -q -DskipTests package; }) \
    || die "build failed"
fi
# Run from a private copy so that a rebuild in the tree during the run cannot swap jars under the running server.
cp -a "$dist" "$work/doppel-dist"
dist="$work/doppel-dist"
source "$dist/bin/find-java.sh"
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME="$(doppel_find_java_home)" || die "set JAVA_HOME to a JDK 21+"
fi
# Exported so that bin/doppeld takes it directly instead of probing every JDK on the machine (~0.1 s each).
export JAVA_HOME
java_version="$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
if [ "$(doppel_java_major "$JAVA_HOME" 2>/dev/null || echo 0)" -ge 25 ] && [ ! -f "$dist/lib/doppel.aot" ]; then
  log "WARNING: $repo/server/target/doppel has no lib/doppel.aot (built with -Ddoppel.aot.skip=true?): Doppel starts"
  log "         and warms up slower without it; rebuild with ./mvnw -DskipTests package for comparable figures"
fi

cj_jar="$HOME/.m2/repository/com/mysql/mysql-connector-j/$cj_version/mysql-connector-j-$cj_version.jar"
if [ ! -f "$cj_jar" ]; then
  log "fetching Connector/J $cj_version"
  (cd "$repo" && timeout 300 ./mvnw -B -q dependency:copy -Dartifact="com.mysql:mysql-connector-j:$cj_version" \
    -DoutputDirectory="$work/lib") || die "could not fetch Connector/J"
  cj_jar="$work/lib/mysql-connector-j-$cj_version.jar"
fi

# ---------- measurements shared by both servers ----------
per_op() {  # per_op SECONDS COUNT SCALE DECIMALS: SECONDS * SCALE / COUNT, or "?"
  [ "$1" = "?" ] && { echo "?"; return; }
  awk -v s="$1" -v n="$2" -v k="$3" -v d="$4" 'BEGIN { printf "%." d "f", s * k / n }'
}

# connect_rate NAME PORT USER PASSWORD SERVER_PID: sets conn_per_s and conn_foreign
connect_rate() {
  local name="$1" port="$2" user="$3" password="$4" out="$work/$1-connect.txt"
  local url="jdbc:mysql://127.0.0.1:$port/?sslMode=DISABLED&allowPublicKeyRetrieval=true"
  await_idle
  log "$name: $connections sequential Connector/J connects (+500 warm-up)"
  if ! measured "$5" timeout "$connect_timeout" "$JAVA_HOME/bin/java" -cp "$cj_jar" "$bench/ConnectLoop.java" \
      "$url" "$user" "$password" "$connections" >"$out" 2>&1; then
    cat "$out" >&2; die "$name: connection test failed (output above)"
  fi
  conn_per_s="$(sed -n 's/.*conn_per_s=\([0-9]*\).*/\1/p' "$out")"
  conn_foreign="$foreign"
  conn_cpu_ms="$(per_op "$server_cpu_s" $((connections + 500)) 1000 2)"
}

# select1 NAME PORT USER PASSWORD SERVER_PID: sets qps, p95 and qps_foreign
select1() {
  local name="$1" port="$2" user="$3" password="$4" out="$work/$1-sysbench.txt"
  await_idle
  log "$name: sysbench SELECT 1, $threads threads, ${duration}s"
  if ! measured "$5" timeout "$sysbench_timeout" sysbench "$bench/select1.lua" --db-driver=mysql --db-ps-mode=disable \
      --mysql-host=127.0.0.1 --mysql-port="$port" --mysql-user="$user" --mysql-password="$password" \
      --mysql-db=sbtest --threads="$threads" --time="$duration" --percentile=95 run >"$out" 2>&1; then
    cat "$out" >&2; die "$name: sysbench failed (output above)"
  fi
  if grep -q FATAL "$out" || ! grep -q 'ignored errors: *0 ' "$out"; then
    cat "$out" >&2; die "$name: sysbench reported errors (output above)"
  fi
  qps="$(sed -n 's/^ *queries: *[0-9]* *(\([0-9]*\).*per sec.*/\1/p' "$out")"
  p95="$(sed -n 's/^ *95th percentile: *\([0-9.]*\).*/\1/p' "$out")"
  qps_foreign="$foreign"
  query_cpu_us="$(per_op "$server_cpu_s" "$(sed -n 's/^ *queries: *\([0-9]*\).*/\1/p' "$out")" 1000000 1)"
}

# The sysbench OLTP workloads: NAME|script|--db-ps-mode|figure (tps or qps)|minimum ratio to MariaDB (0: no
# target)|threads (empty: --threads). Both servers sync every commit (their defaults), so the write figures compare
# equal durability.
oltp_workloads=(
  "point_select (prepared)|oltp_point_select|auto|qps|1.0|"
  "point_select (text)|oltp_point_select|disable|qps|1.0|"
  "read_only|oltp_read_only|auto|tps|0.7|"
  "read_write|oltp_read_write|auto|tps|0.8|"
  "write_only|oltp_write_only|auto|tps|0.6|"
  "single-row commits, 1 thread|oltp_update_non_index|auto|tps|0|1"
)
declare -A oltp_result  # "SERVER|WORKLOAD|ROUND" -> "figure p95 cpu_us_per_tx ignored_errors foreign"

# oltp_options PORT USER PASSWORD: sets `common`, the sysbench options every OLTP step of one server shares.
oltp_options() {
  common=(--db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$1" --mysql-user="$2" --mysql-password="$3"
    --mysql-db=sbtest --tables="$tables" --table-size="$table_size")
}

# oltp_prepare NAME PORT USER PASSWORD: the tables all oltp_* scripts share.
oltp_prepare() {
  local out="$work/$1-oltp-prepare.txt" common
  oltp_options "$2" "$3" "$4"
  log "$1: sysbench prepare, $tables tables x $table_size rows"
  timeout "$prepare_timeout" sysbench oltp_read_write "${common[@]}" prepare >"$out" 2>&1 \
    || { cat "$out" >&2; die "$1: sysbench prepare failed (output above)"; }
}

# oltp_cleanup NAME PORT USER PASSWORD
oltp_cleanup() {
  local out="$work/$1-oltp-cleanup.txt" common
  oltp_options "$2" "$3" "$4"
  timeout "$prepare_timeout" sysbench oltp_read_write "${common[@]}" cleanup >"$out" 2>&1 \
    || { cat "$out" >&2; die "$1: sysbench cleanup failed (output above)"; }
}

# oltp_workload NAME PORT USER PASSWORD SERVER_PID ROUND ENTRY: warm-up and measured run of one workload of
# oltp_workloads; fills oltp_result.
oltp_workload() {
  local name="$1" pid="$5" round="$6" label script mode unit out value common wl_threads
  IFS='|' read -r label script mode unit _ wl_threads <<<"$7"
  wl_threads="${wl_threads:-$threads}"
  oltp_options "$2" "$3" "$4"
  out="$work/$name-${script}-${mode}-$round.txt"
  if [ "$oltp_warmup" -gt 0 ]; then
    log "$name: round $round, warm-up, sysbench $script --db-ps-mode=$mode, ${oltp_warmup}s"
    timeout "$oltp_timeout" sysbench "$script" "${common[@]}" --db-ps-mode="$mode" --threads="$wl_threads" \
      --time="$oltp_warmup" run >"$out" 2>&1 || { cat "$out" >&2; die "$name: sysbench $script warm-up failed"; }
  fi
  await_idle
  log "$name: round $round, sysbench $script --db-ps-mode=$mode, $wl_threads threads, ${oltp_duration}s"
  if ! measured "$pid" timeout "$oltp_timeout" sysbench "$script" "${common[@]}" --db-ps-mode="$mode" \
      --threads="$wl_threads" --time="$oltp_duration" --percentile=95 run >"$out" 2>&1; then
    cat "$out" >&2; die "$name: sysbench $script failed (output above)"
  fi
  grep -q FATAL "$out" && { cat "$out" >&2; die "$name: sysbench $script reported errors (output above)"; }
  if [ "$unit" = qps ]; then
    value="$(sed -n 's/^ *queries: *[0-9]* *(\([0-9]*\).*per sec.*/\1/p' "$out")"
  else
    value="$(sed -n 's/^ *transactions: *[0-9]* *(\([0-9]*\).*per sec.*/\1/p' "$out")"
  fi
  oltp_result["$name|$label|$round"]="$value $(sed -n 's/^ *95th percentile: *\([0-9.]*\).*/\1/p' "$out") \
$(per_op "$server_cpu_s" "$(sed -n 's/^ *transactions: *\([0-9]*\).*/\1/p' "$out")" 1000000 0) \
$(sed -n 's/^ *ignored errors: *\([0-9]*\).*/\1/p' "$out") $foreign"
}

client_sql() {  # client_sql PORT USER PASSWORD SQL [client options]
  MYSQL_PWD="$3" timeout "$client_timeout" mariadb --no-defaults --protocol=tcp -h127.0.0.1 -P"$1" -u"$2" -e "$4" "${@:5}"
}

# ---------- Doppel ----------
doppel_port="$(free_port)"
doppel_data="$work/doppel-data"
doppel_log="$work/doppel-error.log"
log "Doppel: initializing $doppel_data"
t0="$(now_ms)"
timeout 120 bash "$dist/bin/doppeld" --no-defaults "${doppel_user[@]}" --initialize-insecure --datadir="$doppel_data" \
  --log-error="$work/doppel-initialize.log" >/dev/null 2>&1 || { cat "$work/doppel-initialize.log" >&2; die "initialize failed"; }
doppel_init_ms=$(( $(now_ms) - t0 ))

# The error log's warnings and errors, collected before each restart truncates it.
doppel_problems= doppel_aborted=0
scan_doppel_log() {
  [ -f "$doppel_log" ] || return 0
  doppel_problems+="$(grep -E '\[(ERROR|Warning)\]' "$doppel_log" | grep -v 'Aborted connection' || true)"
  doppel_aborted=$(( doppel_aborted + $(grep -c 'Aborted connection' "$doppel_log" || true) ))
}

start_doppel() {
  scan_doppel_log
  : >"$doppel_log"
  local started; started="$(now_ms)"
  # Timed from here: the launcher script, JVM start and server bootstrap all count.
  bash "$dist/bin/doppeld" --no-defaults "${doppel_user[@]}" --datadir="$doppel_data" --bind-address=127.0.0.1 --port="$doppel_port" \
    --socket="$work/doppel.sock" --log-error="$doppel_log" >"$work/doppel-stdout.log" 2>&1 &
  doppel_pid=$!
  await_ready "$doppel_log" "$started" "$doppel_pid" Doppel
}

doppel_ready=()
doppel_conn= doppel_conn_foreign= doppel_conn_cpu= doppel_rss_conn= doppel_rss_conn_2s= doppel_qps= doppel_p95= doppel_qps_foreign= \
  doppel_query_cpu= doppel_rss_load=
await_idle
for ((run = 1; run <= startup_runs; run++)); do
  start_doppel
  doppel_ready+=("$ready_ms")
  log "Doppel: start $run ready after $ready_ms ms"
  if [ "$run" -lt "$startup_runs" ]; then stop_process "$doppel_pid" doppel; doppel_pid=; fi
done
sleep 2
doppel_rss_start="$(rss_mb "$doppel_pid")"
client_sql "$doppel_port" root "" "CREATE DATABASE IF NOT EXISTS sbtest" >/dev/null \
  || die "Doppel: CREATE DATABASE sbtest failed"
if [ "$only" != oltp ]; then
  connect_rate Doppel "$doppel_port" root "" "$doppel_pid"
  doppel_conn="$conn_per_s" doppel_conn_foreign="$conn_foreign" doppel_conn_cpu="$conn_cpu_ms"
  sleep 2
  doppel_rss_conn_2s="$(rss_mb "$doppel_pid")"
  sleep "$settle_s"
  doppel_rss_conn="$(rss_mb "$doppel_pid")"
  select1 Doppel "$doppel_port" root "" "$doppel_pid"
  doppel_qps="$qps" doppel_p95="$p95" doppel_qps_foreign="$qps_foreign" doppel_query_cpu="$query_cpu_us"
  sleep 2
  doppel_rss_load="$(rss_mb "$doppel_pid")"
fi
# Stopped while MariaDB's basic figures are taken; the OLTP rounds below start it again.
if [ "$only" != oltp ]; then stop_process "$doppel_pid" doppel; doppel_pid=; fi

# ---------- MariaDB ----------
mariadb_ready=() mariadb_conn= mariadb_conn_cpu= mariadb_query_cpu= mariadb_conn_foreign= mariadb_qps_foreign= mariadb_qps= mariadb_p95= mariadb_rss_start= mariadb_rss_conn= mariadb_rss_conn_2s= mariadb_rss_load= mariadb_version=
if [ "$mariadb_mode" != none ]; then
  if [ "$mariadb_mode" = start ]; then
    # As in reference/clients.md §2: private data directory, own port and socket, accounts bench@'%' and bench@localhost.
    mariadb_port=3307
    port_in_use "$mariadb_port" && mariadb_port="$(free_port)"
    mdir="$work/mariadb"
    mkdir -p "$mdir"
    as_user=()
    if [ "$(id -u)" = 0 ]; then chown mysql:mysql "$mdir"; as_user=(--user=mysql); fi
    log "MariaDB: mariadb-install-db into $mdir/data"
    timeout 120 mariadb-install-db "${as_user[@]}" --datadir="$mdir/data" --auth-root-authentication-method=socket \
      --skip-test-db >"$work/mariadb-install.log" 2>&1 || { cat "$work/mariadb-install.log" >&2; die "mariadb-install-db failed"; }
    start_mariadb() {
      rm -f "$mdir/error.log"
      local started; started="$(now_ms)"
      /usr/sbin/mariadbd --no-defaults "${as_user[@]}" --datadir="$mdir/data" \
        --bind-address=127.0.0.1 --port="$mariadb_port" --socket="$mdir/mariadb.sock" \
        --pid-file="$mdir/mariadbd.pid" --log-error="$mdir/error.log" \
        --general-log-file="$mdir/general.log" --general-log=0 \
        --innodb-buffer-pool-size=1G --max-connections=500 \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci >/dev/null 2>&1 &
      mariadb_pid=$!
      await_ready "$mdir/error.log" "$started" "$mariadb_pid" MariaDB
    }
    await_idle
    for ((run = 1; run <= startup_runs; run++)); do
      start_mariadb
      mariadb_ready+=("$ready_ms")
      log "MariaDB: start $run ready after $ready_ms ms"
      if [ "$run" -lt "$startup_runs" ]; then stop_process "$mariadb_pid" mariadb; mariadb_pid=; fi
    done
    timeout "$client_timeout" mariadb --no-defaults -uroot -S "$mdir/mariadb.sock" <<SQL || die "MariaDB: account setup failed"
CREATE USER 'bench'@'%' IDENTIFIED BY 'bench';
CREATE USER 'bench'@'localhost' IDENTIFIED BY 'bench';
GRANT ALL PRIVILEGES ON *.* TO 'bench'@'%' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO 'bench'@'localhost' WITH GRANT OPTION;
CREATE DATABASE test;
CREATE DATABASE sbtest;
SQL
    mariadb_user=bench mariadb_password=bench
    sleep 2
    mariadb_rss_start="$(rss_mb "$mariadb_pid")"
  else
    client_sql "$mariadb_port" "$mariadb_user" "$mariadb_password" "CREATE DATABASE IF NOT EXISTS sbtest" >/dev/null \
      || die "MariaDB on port $mariadb_port: cannot log in as $mariadb_user or create sbtest"
  fi
  mariadb_version="$(client_sql "$mariadb_port" "$mariadb_user" "$mariadb_password" "SELECT VERSION()" -N -B)"
  if [ "$only" != oltp ]; then
    connect_rate MariaDB "$mariadb_port" "$mariadb_user" "$mariadb_password" "$mariadb_pid"
    mariadb_conn="$conn_per_s" mariadb_conn_foreign="$conn_foreign" mariadb_conn_cpu="$conn_cpu_ms"
    if [ -n "$mariadb_pid" ]; then
      sleep 2; mariadb_rss_conn_2s="$(rss_mb "$mariadb_pid")"
      sleep "$settle_s"; mariadb_rss_conn="$(rss_mb "$mariadb_pid")"
    fi
    select1 MariaDB "$mariadb_port" "$mariadb_user" "$mariadb_password" "$mariadb_pid"
    mariadb_qps="$qps" mariadb_p95="$p95" mariadb_qps_foreign="$qps_foreign" mariadb_query_cpu="$query_cpu_us"
    if [ -n "$mariadb_pid" ]; then sleep 2; mariadb_rss_load="$(rss_mb "$mariadb_pid")"; fi
  fi
fi

# ---------- OLTP rounds: both servers up, each workload on Doppel and then on MariaDB, round after round ----------
if [ "$only" != basic ]; then
  if [ -z "$doppel_pid" ]; then
    start_doppel
    log "Doppel: started again for the OLTP rounds (ready after $ready_ms ms)"
  fi
  servers=("Doppel|$doppel_port|root||$doppel_pid")
  if [ "$mariadb_mode" != none ]; then
    servers+=("MariaDB|$mariadb_port|$mariadb_user|$mariadb_password|$mariadb_pid")
  fi
  for server in "${servers[@]}"; do
    IFS='|' read -r s_name s_port s_user s_password _ <<<"$server"
    oltp_prepare "$s_name" "$s_port" "$s_user" "$s_password"
  done
  for ((round = 1; round <= rounds; round++)); do
    for entry in "${oltp_workloads[@]}"; do
      for server in "${servers[@]}"; do
        IFS='|' read -r s_name s_port s_user s_password s_pid <<<"$server"
        oltp_workload "$s_name" "$s_port" "$s_user" "$s_password" "$s_pid" "$round" "$entry"
      done
    done
  done
  for server in "${servers[@]}"; do
    IFS='|' read -r s_name s_port s_user s_password _ <<<"$server"
    oltp_cleanup "$s_name" "$s_port" "$s_user" "$s_password"
  done
fi
scan_doppel_log
stop_process "$doppel_pid" doppel; doppel_pid=
stop_process "$mariadb_pid" mariadb; mariadb_pid=

# ---------- report ----------
ratio() {
  case "$1$2" in *"?"*) echo "-"; return ;; esac
  if [ -n "$2" ]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; else echo "-"; fi
}
verdict_ratio() {  # doppel reference min_ratio
  [ -n "$2" ] || { echo "n/a"; return; }
  awk -v a="$1" -v b="$2" -v m="$3" 'BEGIN { print (a / b >= m) ? "PASS" : "FAIL" }'
}
verdict_max() { awk -v a="$1" -v m="$2" 'BEGIN { print (a <= m) ? "PASS" : "FAIL" }'; }
join() { local IFS=/; echo "$*"; }

doppel_ready_median="$(median "${doppel_ready[@]}")"
doppel_rss_idle_max="$(awk -v a="$doppel_rss_start" -v b="$doppel_rss_conn" 'BEGIN { print (a > b) ? a : b }')"
mariadb_ready_median=
if [ "${#mariadb_ready[@]}" -gt 0 ]; then mariadb_ready_median="$(median "${mariadb_ready[@]}")"; fi

echo
echo "Doppel vs ${mariadb_version:+MariaDB }${mariadb_version:-(no reference server)}"
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(uname -r); JDK: $java_version"
if [ "$only" != oltp ]; then
  echo "settings: connections=$connections (+500 warm-up), sysbench threads=$threads duration=${duration}s, startup runs=$startup_runs"
  echo "noise: other processes used Doppel ${doppel_conn_foreign}%/${doppel_qps_foreign}%, MariaDB ${mariadb_conn_foreign:--}%/${mariadb_qps_foreign:--}% of the CPUs during the connection/SELECT 1 tests"
fi
if [ "$only" != basic ]; then
  echo "OLTP settings: sysbench $(sysbench --version | awk '{print $2}'), $tables tables x $table_size rows, threads=$threads, ${oltp_duration}s per workload after ${oltp_warmup}s warm-up, $rounds rounds"
fi
if [ "$max_foreign" -gt 5 ]; then
  echo "WARNING: the box was not idle during a measurement (over 5% foreign CPU); rerun for comparable figures"
fi
echo
fmt='%-46s %14s %14s %8s  %-17s %s\n'
printf "$fmt" metric Doppel MariaDB ratio target result
if [ "$only" != oltp ]; then
printf "$fmt" "connect + SELECT 1 + close (conn/s)" "$doppel_conn" "${mariadb_conn:--}" "$(ratio "$doppel_conn" "$mariadb_conn")" \
  ">= 1.0x MariaDB" "$(verdict_ratio "$doppel_conn" "$mariadb_conn" 1.0)"
printf "$fmt" "  server CPU per connection, incl. warm-up (ms)" "$doppel_conn_cpu" "${mariadb_conn_cpu:--}" \
  "$(ratio "$doppel_conn_cpu" "$mariadb_conn_cpu")" "" ""
printf "$fmt" "SELECT 1, $threads threads (queries/s)" "$doppel_qps" "${mariadb_qps:--}" "$(ratio "$doppel_qps" "$mariadb_qps")" \
  ">= 0.8x MariaDB" "$(verdict_ratio "$doppel_qps" "$mariadb_qps" 0.8)"
printf "$fmt" "  server CPU per SELECT 1 (us)" "$doppel_query_cpu" "${mariadb_query_cpu:--}" \
  "$(ratio "$doppel_query_cpu" "$mariadb_query_cpu")" "" ""
printf "$fmt" "SELECT 1 p95 latency (ms)" "$doppel_p95" "${mariadb_p95:--}" "$(ratio "$doppel_p95" "$mariadb_p95")" "" ""
printf "$fmt" "ready after start, median (ms)" "$doppel_ready_median" "${mariadb_ready_median:--}" \
  "$(ratio "$doppel_ready_median" "$mariadb_ready_median")" "<= 1500 ms" "$(verdict_max "$doppel_ready_median" 1500)"
printf "$fmt" "  each start (ms)" "$(join "${doppel_ready[@]}")" "$( [ "${#mariadb_ready[@]}" -gt 0 ] && join "${mariadb_ready[@]}" || echo -)" "" "" ""
printf "$fmt" "RSS idle after startup (MB)" "$doppel_rss_start" "${mariadb_rss_start:--}" "" "<= 150 MB" "$(verdict_max "$doppel_rss_start" 150)"
printf "$fmt" "RSS 2 s after connection test (MB)" "$doppel_rss_conn_2s" "${mariadb_rss_conn_2s:--}" "" "" ""
printf "$fmt" "RSS idle after connection test (MB)" "$doppel_rss_conn" "${mariadb_rss_conn:--}" "" "<= 150 MB" "$(verdict_max "$doppel_rss_conn" 150)"
printf "$fmt" "RSS after SELECT 1 load (MB)" "$doppel_rss_load" "${mariadb_rss_load:--}" "" "" ""
fi
printf "$fmt" "initialize data directory (ms)" "$doppel_init_ms" "" "" "" ""
if [ "$only" != basic ]; then
  # field SERVER LABEL N: the Nth field of every round's result of one server and workload, one per line
  field() {
    local r
    for ((r = 1; r <= rounds; r++)); do
      [ -n "${oltp_result["$1|$2|$r"]:-}" ] && echo "${oltp_result["$1|$2|$r"]}" | awk -v n="$3" '{ print $n }'
    done
    return 0
  }
  med() { local v; v="$(median "$@")"; echo "${v:--}"; }
  sum_of() { awk '{ s += $1 } END { print s + 0 }'; }
  max_of() { awk 'BEGIN { m = 0 } $1 > m { m = $1 } END { print m }'; }
  for entry in "${oltp_workloads[@]}"; do
    IFS='|' read -r label script mode unit min_ratio _ <<<"$entry"
    d_values=($(field Doppel "$label" 1)) m_values=($(field MariaDB "$label" 1))
    ratios=() round_text=()
    for ((r = 0; r < ${#m_values[@]}; r++)); do
      ratios+=("$(awk -v a="${d_values[r]}" -v b="${m_values[r]}" 'BEGIN { printf "%.2f", a / b }')")
      round_text+=("${ratios[r]}x")
    done
    unit_text=transactions/s; [ "$unit" = qps ] && unit_text=queries/s
    if [ "${#ratios[@]}" -gt 0 ]; then
      median_ratio="$(median "${ratios[@]}")"
      verdict="$(awk -v r="$median_ratio" -v m="$min_ratio" 'BEGIN { print (m == 0) ? "-" : (r >= m) ? "PASS" : "FAIL" }')"
      target=">= ${min_ratio}x MariaDB"; [ "$min_ratio" = 0 ] && target="(measured)"
      printf "$fmt" "$label ($unit_text), median" "$(med "${d_values[@]}")" "$(med "${m_values[@]}")" "${median_ratio}x" \
        "$target" "$verdict"
      printf "$fmt" "  each round (ratio)" "$(join "${d_values[@]}")" "$(join "${m_values[@]}")" "$(join "${round_text[@]}")" "" ""
    else
      printf "$fmt" "$label ($unit_text), median" "$(med "${d_values[@]}")" "-" "-" ">= ${min_ratio}x MariaDB" "n/a"
      printf "$fmt" "  each round" "$(join "${d_values[@]}")" "" "" "" ""
    fi
    printf "$fmt" "  p95 latency, median (ms)" "$(med $(field Doppel "$label" 2))" "$(med $(field MariaDB "$label" 2))" "" "" ""
    printf "$fmt" "  server CPU per transaction, median (us)" "$(med $(field Doppel "$label" 3))" \
      "$(med $(field MariaDB "$label" 3))" "" "" ""
    printf "$fmt" "  ignored errors (deadlocks); max foreign CPU %" \
      "$(field Doppel "$label" 4 | sum_of); $(field Doppel "$label" 5 | max_of)" \
      "$( [ "${#m_values[@]}" -gt 0 ] && echo "$(field MariaDB "$label" 4 | sum_of); $(field MariaDB "$label" 5 | max_of)" || echo -)" \
      "" "" ""
  done
fi
echo
echo "Doppel error log: $doppel_aborted 'Aborted connection' warning(s)"
if [ -n "$doppel_problems" ]; then echo "Doppel error log, other warnings/errors:"; echo "$doppel_problems" | head -20; fi
