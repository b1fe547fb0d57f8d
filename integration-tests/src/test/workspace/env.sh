#!/bin/sh
# Echoes its environment contract and stdin as JSON.
input=$(cat)
printf '{"taskId":"%s","try":%s,"phase":"%s","priority":%s,"cwd":"%s","input":%s}' \
  "$BATON_TASK_ID" "$BATON_TRY" "$BATON_PHASE" "$BATON_PRIORITY" "$(pwd)" "$input"
