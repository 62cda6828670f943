# pip install --user works, into this conversation's own /tmp (HOME=/tmp); the
# caller checks that the neighbour conversation cannot import it.
wheel=/tmp/hako_verify_probe-1.0-py3-none-any.whl
[ -f "$wheel" ] || { fail "the probe wheel from pip-system is missing"; exit 1; }
if out=$(PIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip install --user --no-index --no-deps --break-system-packages "$wheel" 2>&1); then
    where=$(python3 -c 'import hako_verify_probe, os; print(os.path.dirname(hako_verify_probe.__file__))')
    case "$where" in
    /tmp/* | /workspace/*) ok "installed into $where" ;;
    *) fail "installed into $where, outside the conversation's own space" ;;
    esac
else
    fail "pip install --user failed: $(printf '%s\n' "$out" | tail -n 1)"
fi
