# The tool's environment holds no credential: no variable named like one, and
# not the canary that hako-host verify planted in its own environment.
names=$(env | cut -d= -f1 | grep -iE '^(AWS_|AZURE_|GOOGLE_|GCP_|ANTHROPIC_|OPENAI_)|TOKEN|SECRET|PASSW|CREDENTIAL|API_?KEY|PRIVATE_?KEY' | tr '\n' ' ')
[ -z "$names" ] && ok "no credential-like variable among $(env | wc -l) variables" || fail "credential-like variables: $names"
py '
needle = sys.stdin.read().strip().encode()
report(needle not in b"".join(k + b"=" + v for k, v in os.environb.items()), "the canary is not in the environment")
' <<<"$V_CANARY_A$V_CANARY_B"
