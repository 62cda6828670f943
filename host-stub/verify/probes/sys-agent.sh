# A tool cannot stop the agent that serves the conversation: PID 1 ignores
# SIGKILL and SIGSTOP from inside its namespace (this call still ends normally).
kill -STOP 1 2>/dev/null; kill -KILL 1 2>/dev/null
state=$(awk '/^State:/ { print $2 }' /proc/1/status)
[ "$state" != T ] && ok "agent state after SIGSTOP and SIGKILL: $state" || fail "agent stopped"
