# The classic fork bomb; the caller's timeout ends it, and the caller checks
# that the sandbox, the other conversations and the host carry on.
bomb() { bomb | bomb & }
bomb
wait
