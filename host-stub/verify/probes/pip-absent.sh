# Run in the neighbour conversation: the package installed next door is unknown here.
if where=$(python3 -c 'import hako_verify_probe, os; print(os.path.dirname(hako_verify_probe.__file__))' 2>/dev/null); then
    fail "the neighbour's package is importable here, from $where"
else
    ok "the neighbour's package is not importable here"
fi
