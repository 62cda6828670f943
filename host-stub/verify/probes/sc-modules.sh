# Kernel modules can be neither loaded nor removed.
py '
refused("init_module", call("init_module", 0, 0, cstr("")))
refused("finit_module", call("finit_module", -1, cstr(""), 0))
refused("delete_module", call("delete_module", cstr("hako_verify"), 0))
'
