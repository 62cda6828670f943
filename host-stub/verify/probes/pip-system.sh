# pip cannot change the image's Python: installing a wheel system-wide, with a
# prefix or a target inside the image all fail, and nothing lands there.
wheel=$(py '
import zipfile
path = "/tmp/hako_verify_probe-1.0-py3-none-any.whl"
with zipfile.ZipFile(path, "w") as z:
    z.writestr("hako_verify_probe/__init__.py", "MARK = 1\n")
    z.writestr("hako_verify_probe-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: hako-verify-probe\nVersion: 1.0\n")
    z.writestr("hako_verify_probe-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: hako\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
    z.writestr("hako_verify_probe-1.0.dist-info/RECORD", "")
print(path)
')
pip_try() {  # pip_try LABEL ARGS...
    local label="$1"; shift
    if out=$(PIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip install --no-user --no-index --no-deps --break-system-packages "$@" "$wheel" 2>&1); then
        fail "pip install $label succeeded"
    else
        ok "pip install $label: $(printf '%s\n' "$out" | grep -m1 -E 'Error|error|denied|Read-only' | cut -c1-120)"
    fi
}
pip_try "(system)"
pip_try "--prefix /usr/local" --prefix /usr/local
pip_try "--target /usr/lib/python3/dist-packages" --target /usr/lib/python3/dist-packages
where=$(python3 -c 'import hako_verify_probe, os; print(os.path.dirname(hako_verify_probe.__file__))' 2>/dev/null)
[ -z "$where" ] && ok "the package is not importable" || fail "the package was installed at $where"
echo "wheel=$wheel"
