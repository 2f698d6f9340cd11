# shellcheck shell=bash
# deploy/local/bench: where the CPU goes. Around the 8-connection submission run it reads the CPU time
# (user + system, /proc/<pid>/stat) of each part of the stack and of the whole machine (/proc/stat), and
# puts the milliseconds of CPU each part spent per accepted submission. On 2 cores, 2,000 ms of CPU a
# second divided by the machine's CPU per submission is the ceiling of the submission rate, whatever the
# write path does with its locks and commits. Sourced.

CPU_TCK="$(getconf CLK_TCK)"

# cpu_part <process dir>: sets CPU_PART to the part of the stack the process is (empty: none); a variable, not
# output, so that no subshell is forked per process inside the measured window
cpu_part() {
  local args
  CPU_PART=""
  args="$({ tr '\0' ' ' <"$1/cmdline"; } 2>/dev/null)" || return 0
  case "$args" in
    *request-service/target/quarkus-app*) CPU_PART=request-service ;;
    *evidence-service/target/quarkus-app*) CPU_PART=evidence-service ;;
    *extradition-service/target/quarkus-app*) CPU_PART=extradition-service ;;
    *console/target/quarkus-app*) CPU_PART=console ;;
    *kafka.Kafka*) CPU_PART=kafka ;;
    postgres:* | */postgres\ *) CPU_PART=postgresql ;;
    *keycloak*) CPU_PART=keycloak ;;
    wrk\ *) CPU_PART=wrk ;;
  esac
}

# cpu_ticks: "<part> <ticks>" per part of the stack, and "machine <ticks>" (all CPUs, busy time)
cpu_ticks() {
  local dir part
  for dir in /proc/[0-9]*; do
    cpu_part "$dir"
    part="$CPU_PART"
    [ -n "$part" ] || continue
    # fields after the command name in parentheses: utime and stime are the 12th and 13th; for PostgreSQL also
    # the children's (14th, 15th), so that the backends of connections that closed in the window (pgbench's)
    # still count, in the postmaster's
    sed 's/^.*) //' "$dir/stat" 2>/dev/null | awk -v p="$part" '{print p, $12 + $13 + (p == "postgresql" ? $14 + $15 : 0)}'
  done | awk '{t[$1] += $2} END {for (p in t) print p, t[p]}'
  awk '/^cpu / {print "machine", $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat
}

# cpu_threads: "<service>/<thread> <ticks>" for the services' threads, numbered threads of a pool counted
# together (mla-writer-1 and -2 as mla-writer-#): which part of a service's work takes its CPU. One awk per
# service over its threads' stat files (name in parentheses, then utime and stime as the 12th and 13th fields).
cpu_threads() {
  local dir part
  for dir in /proc/[0-9]*; do
    cpu_part "$dir"
    part="$CPU_PART"
    case "$part" in *-service) ;; *) continue ;; esac
    awk -v p="$part" '{
        name = substr($0, index($0, "(") + 1); name = substr(name, 1, index(name, ")") - 1)
        gsub(/ /, "_", name); sub(/[0-9]+$/, "#", name)
        split(substr($0, index($0, ") ") + 2), f, " "); print p "/" name, f[12] + f[13]
      }' "$dir"/task/*/stat 2>/dev/null
  done | awk 'NF == 2 {t[$1] += $2} END {for (p in t) print p, t[p]}'
}

# cpu_account <key> <command...>: runs the command, then puts cpu.<key>.<part>_ms (CPU ms per accepted
# request, from <key>.n and <key>.bad that the command put) for every part and the machine
cpu_account() {
  local key="$1" before after n threads_before threads_after
  shift
  # the threads are read outside the machine's window: reading them costs CPU too
  threads_before="$(cpu_threads)"
  before="$(cpu_ticks)"
  "$@"
  after="$(cpu_ticks)"
  threads_after="$(cpu_threads)"
  n=$(($(get "$key.n") - $(get "$key.bad")))
  [ "$n" -gt 0 ] || return 0
  put "cpu.$key.requests" "$n"
  while read -r part ticks; do
    local was
    was="$(awk -v p="$part" '$1 == p {print $2}' <<<"$before")"
    put "cpu.$key.$part" "$(awk -v a="${was:-0}" -v b="$ticks" -v n="$n" -v hz="$CPU_TCK" 'BEGIN {printf "%.2f", (b - a) * 1000 / hz / n}')"
  done <<<"$after"
  # threads that spent at least 0.2 ms per request, the costliest first
  put "cpu.$key.threads" "$(awk -v n="$n" -v hz="$CPU_TCK" 'NR == FNR {was[$1] = $2; next}
      {ms = ($2 - was[$1]) * 1000 / hz / n; if (ms >= 0.2) printf "%.2f %s\n", ms, $1}' \
      <(printf '%s\n' "$threads_before") <(printf '%s\n' "$threads_after") | sort -rn | awk '{printf "%s%s %s ms", (NR > 1 ? "; " : ""), $2, $1}')"
  log "  CPU per accepted request ($key): $(for p in request-service evidence-service extradition-service kafka postgresql wrk machine; do printf '%s %s ms, ' "$p" "$(get "cpu.$key.$p")"; done)"
}

cpu_rows() { # cpu_rows <key> <label>
  local key="$1" what="$2" p v machine
  machine="$(get "cpu.$key.machine")"
  [ -n "$machine" ] || return 0
  for p in request-service evidence-service extradition-service kafka postgresql keycloak console wrk; do
    v="$(get "cpu.$key.$p")"
    [ -n "$v" ] && row "$what: CPU per request, $p" "$(fmt "$v" " ms")" "" "$(pct_of "$v" "$machine") of the machine's" "" ""
  done
  v="$(get "cpu.$key.threads")"
  [ -n "$v" ] && row "$what: CPU per request by thread" "$v" "" "" "" ""
  row "$what: CPU per request, whole machine" "$(fmt "$machine" " ms")" "$(nproc) cores" \
    "ceiling $(awk -v m="$machine" -v c="$(nproc)" 'BEGIN {if (m > 0) printf "%.0f/s", c * 1000 / m}')" "" ""
}
