# reboot is refused (asked only to turn Ctrl-Alt-Del off, which is harmless).
py 'refused("reboot(CAD_OFF)", call("reboot", 0xfee1dead, 672274793, 0, 0))'
