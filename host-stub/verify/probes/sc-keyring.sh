# The kernel keyring, which is not namespaced, is refused.
py '
refused("add_key", call("add_key", cstr("user"), cstr("hako"), cstr("x"), 1, -3), gvisor_note=True)
refused("keyctl(GET_KEYRING_ID)", call("keyctl", 0, -3, 0), gvisor_note=True)
refused("request_key", call("request_key", cstr("user"), cstr("hako"), 0, 0), gvisor_note=True)
'
