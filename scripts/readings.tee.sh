#!/bin/sh
# Runs `marginiq extract FILE --json` as the scorer does and keeps a copy of its readings in DUMP_DIR
# (one file per PDF, processing_time_ms dropped), so two sweeps can be compared field by field:
#   DUMP_DIR=/tmp/before node ../shared/eval/score.mjs --cmd 'sh scripts/readings.tee.sh {file}' --dir DIR
#   diff -r /tmp/before /tmp/after
file="$1"
out=$(mktemp)
err=$(mktemp)
node "$(dirname "$0")/../bin/marginiq.js" extract "$file" --json >"$out" 2>"$err"
code=$?
if [ -n "$DUMP_DIR" ]; then
  mkdir -p "$DUMP_DIR"
  name=$(basename "$(dirname "$(dirname "$file")")")-$(basename "$(dirname "$file")")-$(basename "$file" .pdf)
  { sed -E 's/"processing_time_ms": ?[0-9]+/"processing_time_ms":0/g' "$out"; echo "exit $code"; cat "$err"; } >"$DUMP_DIR/$name.json"
fi
cat "$out"
cat "$err" >&2
rm -f "$out" "$err"
exit $code
