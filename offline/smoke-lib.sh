# shellcheck shell=bash
# Helpers of the smoke tests (compose-smoke.sh, local-smoke.sh), sourced, not run: place orders
# through the REST API, wait for their outcome, read JSON fields and the mails in GreenMail. Needs
# curl; JSON is read with grep, so a machine needs no jq.
# The caller defines log() and fail() and may set ORDER_TIMEOUT (seconds).

ORDERS_URL="${ORDERS_URL:-http://localhost:8080/api/orders}"
MAIL_API="${MAIL_API:-http://localhost:8025/api/user}"
ORDER_TIMEOUT="${ORDER_TIMEOUT:-60}"

http() { curl -sS --max-time 10 "$@"; }

# json_field <name>: the first "name":"value" (or number) of the JSON on stdin; in the services'
# answers the top-level fields come before the nested ones.
json_field() { grep -o "\"$1\":\"\\?[^\",}]*" | head -n1 | sed -e "s/^\"$1\":\"\\?//"; }

# place_order <customer> <product> <quantity> <unit price>: prints the new order's id
place_order() {
  local body response status id
  body="{\"customerId\":\"$1\",\"customerEmail\":\"$1@example.com\",\"currency\":\"EUR\",\"items\":[{\"productId\":\"$2\",\"quantity\":$3,\"unitPrice\":\"$4\"}]}"
  response="$(http -w '\n%{http_code}' -H 'Content-Type: application/json' -d "$body" "$ORDERS_URL")" \
    || fail "POST $ORDERS_URL did not answer"
  status="$(tail -n1 <<<"$response")"
  [ "$status" = 202 ] || fail "POST $ORDERS_URL answered $status: $(sed '$d' <<<"$response")"
  id="$(sed '$d' <<<"$response" | json_field id)"
  [ -n "$id" ] || fail "no order id in: $response"
  echo "$id"
}

# await_order_status <id> <CONFIRMED|CANCELLED>: polls the order until it is final
await_order_status() {
  local id="$1" expected="$2" deadline=$(( $(date +%s) + ORDER_TIMEOUT )) body status
  while :; do
    body="$(http "$ORDERS_URL/$id" || true)"
    status="$(json_field status <<<"$body")"
    case "$status" in
      "$expected") log "order $id: $status"; return 0 ;;
      CONFIRMED|CANCELLED) fail "order $id is $status, expected $expected: $body" ;;
    esac
    [ "$(date +%s)" -lt "$deadline" ] || fail "order $id still '$status' after ${ORDER_TIMEOUT} s, expected $expected"
    sleep 1
  done
}

same_number() { awk -v a="$1" -v e="$2" 'BEGIN { exit !(a != "" && a + 0 == e + 0) }'; }

# await_number <what> <expected> <command...>: until the command prints the number (900.2 equals
# 900.20); compensations (a refund, a release) may land a moment after the order is final
await_number() {
  local what="$1" expected="$2" deadline=$(( $(date +%s) + ORDER_TIMEOUT )) actual; shift 2
  while :; do
    actual="$("$@" || true)"
    if same_number "$actual" "$expected"; then log "$what: $actual"; return 0; fi
    [ "$(date +%s)" -lt "$deadline" ] || fail "$what is '$actual', expected $expected"
    sleep 1
  done
}

# field_of <url> <field>: one field of the JSON a GET answers
field_of() { http "$1" | json_field "$2"; }

# await_mails <address> <order id> <word>...: a mail about the order with each word in its subject
await_mails() {
  local address="$1" id="$2"; shift 2
  local deadline=$(( $(date +%s) + ORDER_TIMEOUT )) subjects word missing
  while :; do
    subjects="$(http "$MAIL_API/$address/messages/INBOX" | grep -o '"subject" *: *"[^"]*"' | grep -F "$id" || true)"
    missing=""
    for word in "$@"; do grep -qi "$word" <<<"$subjects" || missing+=" $word"; done
    if [ -z "$missing" ]; then
      log "mails to $address about $id:"$'\n'"$subjects"; return 0
    fi
    [ "$(date +%s)" -lt "$deadline" ] || fail "no mail to $address about $id saying:$missing (found: ${subjects:-none})"
    sleep 1
  done
}

# the README's first two scenarios on a fresh shop (seeded data); sets ALICE_ORDER and BOB_ORDER
run_scenarios() {
  ALICE_ORDER="$(place_order alice keyboard 2 49.90)"
  BOB_ORDER="$(place_order bob monitor 1 199.00)"
  log "placed $ALICE_ORDER (alice, 2 keyboards at 49.90) and $BOB_ORDER (bob, who has 50.00, a monitor at 199.00)"
  await_order_status "$ALICE_ORDER" CONFIRMED
  await_order_status "$BOB_ORDER" CANCELLED
  await_number "alice's balance" 900.20 field_of http://localhost:8081/api/customers/alice balance
  await_number "bob's balance" 50.00 field_of http://localhost:8081/api/customers/bob balance
  await_number "keyboards available" 98 field_of http://localhost:8082/api/products/keyboard available
  await_number "monitors available (bob's released)" 20 field_of http://localhost:8082/api/products/monitor available
  await_number "keyboards sold (insights-service)" 2 field_of http://localhost:8084/api/sales/keyboard quantity
  await_mails alice@example.com "$ALICE_ORDER" received confirmed
  await_mails bob@example.com "$BOB_ORDER" received cancelled
}

# archive_check_command < /proc/<pid>/cmdline: from the arguments of a running service's JVM, the same
# java with the same options, told to map its class data sharing archive and exit; into the array
# ARCHIVE_CHECK, or false when the service was not started with -XX:SharedArchiveFile and -jar.
# -Xshare:on makes an archive the JVM cannot use an error: a missing one, a stale one (another class
# path), and one made with other options (-XX:-UseCompressedOops), where a start goes on without
# it, slowly, with a warning at most.
archive_check_command() {
  local args=() i
  mapfile -d '' args
  [[ " ${args[*]} " == *' -XX:SharedArchiveFile='* ]] || return 1
  for i in "${!args[@]}"; do
    if [ "${args[i]}" = -jar ]; then
      ARCHIVE_CHECK=("${args[@]:0:i}" -Xshare:on -XX:+PrintSharedArchiveAndExit -jar "${args[i+1]}")
      return 0
    fi
  done
  return 1
}

# archive_check_reason <log of ARCHIVE_CHECK>: the lines that say why the archive could not be used,
# out of the thousands of lines the check prints
archive_check_reason() { grep -m 3 -iE 'unable|mismatch|not found|different' "$1" || tail -n 3 "$1"; }
