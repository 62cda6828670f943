#!/bin/sh
# In-container recipe: curl speaks to the proxy socket; the URL names the real
# service (plain http://: the proxy upgrades to verified HTTPS and signs).
# usage: curl.sh SOCKET
exec curl -sS --unix-socket "${1:-/var/run/hako/proxy.sock}" \
    -H 'Content-Type: application/json' -d '{"anthropic_version":"bedrock-2023-05-31"}' \
    'http://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke'
