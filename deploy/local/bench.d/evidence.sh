# shellcheck shell=bash
# deploy/local/bench row 3: evidence content up and down (curl against evidence-service) next to a raw
# PostgreSQL insert and read of the same bytes (psql \copy in binary COPY format, 1 MiB bytea rows in a
# table shaped like the service's item_content_chunk) and a raw disk write. Sourced.

# heap in use / committed of <pid> in MiB from one jstat -gc line (young + old, not metaspace)
jstat_heap() { # jstat_heap <jstat -gc output file>: prints "<used MiB> <committed MiB>" per sample
  awk 'NR==1 {for (i = 1; i <= NF; i++) h[$i] = i; next}
       $1 ~ /^[0-9.]+$/ {u = $h["S0U"] + $h["S1U"] + $h["EU"] + $h["OU"]; c = $h["S0C"] + $h["S1C"] + $h["EC"] + $h["OC"];
                          printf "%.0f %.0f\n", u / 1024, c / 1024}' "$1"
}

# heap_after_gc <pid>: heap in use (MiB) right after a full collection (what stays reachable)
heap_after_gc() {
  "$(jdk_tool "$1" jcmd)" "$1" GC.run >/dev/null 2>&1 || true
  "$(jdk_tool "$1" jstat)" -gc "$1" >"$WORK/jstat.once" 2>/dev/null || return 0
  jstat_heap "$WORK/jstat.once" | awk '{print $1}'
}

# transfer_watch start|stop <pid> <label>: samples heap (jstat, every 200 ms) and keeps VmHWM/RSS
transfer_watch() {
  local pid="$2" label="$3"
  if [ "$1" = start ]; then
    put "evidence.$label.heap_live_before_mib" "$(heap_after_gc "$pid")"
    put "evidence.$label.rss_before_mib" "$(rss_mib "$pid")"
    "$(jdk_tool "$pid" jstat)" -gc "$pid" 200 >"$WORK/jstat.$label" 2>/dev/null &
    JSTAT_PID=$!
  else
    kill "$JSTAT_PID" 2>/dev/null || true
    wait "$JSTAT_PID" 2>/dev/null || true
    local samples before
    samples="$(jstat_heap "$WORK/jstat.$label")"
    before="$(head -n1 <<<"$samples")"
    put "evidence.$label.heap_used_start_mib" "${before%% *}"
    put "evidence.$label.heap_used_peak_mib" "$(awk 'BEGIN {m = 0} $1 > m {m = $1} END {print m}' <<<"$samples")"
    put "evidence.$label.heap_committed_start_mib" "${before##* }"
    put "evidence.$label.heap_committed_peak_mib" "$(awk 'BEGIN {m = 0} $2 > m {m = $2} END {print m}' <<<"$samples")"
    put "evidence.$label.heap_live_after_mib" "$(heap_after_gc "$pid")"
    put "evidence.$label.rss_after_mib" "$(rss_mib "$pid")"
  fi
}

mib_per_s() { awk -v b="$1" -v s="$2" 'BEGIN {printf "%.1f", b / 1048576 / s}'; }

be32() { printf '%b' "$(printf '\\0%03o' $(($1 >> 24 & 255)) $(($1 >> 16 & 255)) $(($1 >> 8 & 255)) $(($1 & 255)))"; }

# the binary COPY file of the content: 1 MiB rows (seq int4, data bytea), PostgreSQL's PGCOPY format
pgcopy_file() { # pgcopy_file <content> <out>
  local n i
  n=$(( ($(stat -c %s "$1") + 1048575) / 1048576 ))
  {
    printf 'PGCOPY\n\377\r\n\0'
    printf '\0\0\0\0\0\0\0\0'
    exec 3<"$1"
    for ((i = 0; i < n; i++)); do
      local len
      len=$(( $(stat -c %s "$1") - i * 1048576 )); [ "$len" -gt 1048576 ] && len=1048576
      # tuple: 2 fields; int4 seq; bytea of len bytes
      printf '\0\2\0\0\0\4'
      be32 "$i"
      be32 "$len"
      dd bs="$len" count=1 iflag=fullblock status=none <&3
    done
    exec 3<&-
    printf '\377\377'
  } >"$2"
}

bench_evidence() {
  local bytes=$((UPLOAD_MIB * 1048576)) content="$WORK/content.bin" t0 t1 s digest
  log "evidence: $UPLOAD_MIB MiB of random bytes; baselines first (raw disk, PostgreSQL COPY in and out)"
  head -c "$bytes" /dev/urandom >"$content"
  digest="$(openssl dgst -sha256 -binary "$content" | base64)"

  # raw disk: write + fdatasync of the same bytes
  t0="$(now)"; dd if="$content" of="$WORK/disk.bin" bs=1M conv=fdatasync status=none; t1="$(now)"
  rm -f "$WORK/disk.bin"
  s="$(elapsed "$t0" "$t1")"; put evidence.disk.s "$s"; put evidence.disk.mibs "$(mib_per_s "$bytes" "$s")"

  # raw PostgreSQL: \copy of 1 MiB bytea rows over TCP as the services' role, one transaction
  pgcopy_file "$content" "$WORK/content.pgcopy"
  pg_mla -d "$SCRATCH_DB" -c "DROP TABLE IF EXISTS raw_chunk" \
    -c "CREATE TABLE raw_chunk (item_id uuid NOT NULL DEFAULT '00000000-0000-4000-8000-000000000001', seq int NOT NULL, data bytea NOT NULL, PRIMARY KEY (item_id, seq))" \
    -c "ALTER TABLE raw_chunk ALTER COLUMN data SET STORAGE EXTERNAL" >/dev/null
  t0="$(now)"
  pg_mla -d "$SCRATCH_DB" -c "\\copy raw_chunk (seq, data) FROM '$WORK/content.pgcopy' WITH (FORMAT binary)" >/dev/null
  t1="$(now)"
  rm -f "$WORK/content.pgcopy"
  s="$(elapsed "$t0" "$t1")"; put evidence.pg_in.s "$s"; put evidence.pg_in.mibs "$(mib_per_s "$bytes" "$s")"
  t0="$(now)"
  pg_mla -d "$SCRATCH_DB" -c "\\copy (SELECT data FROM raw_chunk ORDER BY seq) TO '/dev/null' WITH (FORMAT binary)" >/dev/null
  t1="$(now)"
  s="$(elapsed "$t0" "$t1")"; put evidence.pg_out.s "$s"; put evidence.pg_out.mibs "$(mib_per_s "$bytes" "$s")"
  pg_mla -d "$SCRATCH_DB" -c "DROP TABLE raw_chunk" >/dev/null
  log "  raw disk $(get evidence.disk.mibs) MiB/s, PostgreSQL COPY in $(get evidence.pg_in.mibs) MiB/s, out $(get evidence.pg_out.mibs) MiB/s"

  # the service: a request accepted by AR, a transfer opened, an item registered (the demo's steps)
  log "evidence: request, transfer and item as in deploy/local/demo"
  wait_projection evidence
  local ids item transfer pid etag code
  ids="$(
    set -e
    # shellcheck source=/dev/null # deploy/local/client.sh, in a subshell: its variables stay there
    source "$DEPLOY/client.sh"
    NL=$(token nl officer); AR=$(token ar officer)
    RID=$(call POST "$REQ/api/requests" "$NL" "$(request_body AR)" | jq -r '.case.id // .request.id')
    act "$REQ" "api/requests/$RID/acknowledge" "$AR" "$ACK_BODY" >/dev/null
    act "$REQ" "api/requests/$RID/accept" "$AR" '{"measureIds": ["m1", "m2"], "impossibleProcedures": []}' >/dev/null
    act "$REQ" "api/requests/$RID/report-progress" "$AR" '{"updates": [{"measureId": "m1", "status": "EXECUTED", "note": "Witness heard"}], "summary": "m1 executed"}' >/dev/null
    TRANSFER=$(open_transfer "$AR" "$RID")
    ITEM=$(call POST "$EVI/api/transfers/$TRANSFER/items" "$AR" '{"kind": "AUDIO_VIDEO_RECORDING", "description": "Benchmark recording", "mediaType": "application/octet-stream", "measureId": "m1",
      "provenance": {"method": "Video conference", "obtainedOn": "2026-11-03", "place": "Buenos Aires", "obtainedBy": "Juzgado Federal N. 3"},
      "legalBasis": "MLA request '"$RID"'", "conditions": {"useLimits": ["Proceedings ICU-2026-0142 only"], "confidential": false, "returnRequired": false}}' | jq -r '.case.id // .items[0].id')
    echo "$TRANSFER $ITEM"
  )" || die "evidence set-up failed"
  transfer="${ids% *}"; item="${ids#* }"
  if [ -z "$transfer" ] || [ -z "$item" ] || [ "$item" = null ]; then die "evidence set-up failed (transfer '$transfer', item '$item')"; fi
  pid="$(port_pid "${EVI##*:}")"
  local ar nl
  ar="$(token ar officer)"; nl="$(token nl officer)"
  etag="$(curl -sfI -H "Authorization: Bearer $ar" "$EVI/api/items/$item" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')"

  log "evidence: upload (curl -T, PUT /api/items/$item/content)"
  transfer_watch start "$pid" up
  code="$(curl -s -o "$WORK/upload.out" -w '%{http_code} %{time_total}' -T "$content" -H "Authorization: Bearer $ar" \
    -H 'Content-Type: application/octet-stream' -H "Content-Digest: sha-256=:$digest:" ${etag:+-H "If-Match: $etag"} \
    "$EVI/api/items/$item/content")"
  transfer_watch stop "$pid" up
  [[ "$code" == 2* ]] || die "upload answered ${code%% *}: $(head -c 300 "$WORK/upload.out")"
  put evidence.up.s "${code#* }"; put evidence.up.mibs "$(mib_per_s "$bytes" "${code#* }")"

  etag="$(curl -sfI -H "Authorization: Bearer $ar" "$EVI/api/transfers/$transfer" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')"
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $ar" -H 'Content-Type: application/json' ${etag:+-H "If-Match: $etag"} \
    --data '{"reference": "AR-TR-BENCH"}' "$EVI/api/transfers/$transfer/dispatch" || die "dispatch failed"

  log "evidence: download by NL (GET /api/items/$item/content)"
  transfer_watch start "$pid" down
  code="$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' -H "Authorization: Bearer $nl" \
    "$EVI/api/items/$item/content?purpose=PROCEEDINGS_OF_REQUEST")"
  transfer_watch stop "$pid" down
  [[ "$code" == 2* ]] || die "download answered ${code%% *}"
  [ "${code##* }" = "$bytes" ] || die "download returned ${code##* } bytes, expected $bytes"
  s="$(cut -d' ' -f2 <<<"$code")"
  put evidence.down.s "$s"; put evidence.down.mibs "$(mib_per_s "$bytes" "$s")"
  rm -f "$content"
  log "  upload $(get evidence.up.mibs) MiB/s, download $(get evidence.down.mibs) MiB/s"
}
