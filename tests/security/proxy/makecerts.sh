#!/bin/sh
# Throwaway PKI for the stand-in, made at test time: a CA, a server certificate
# it signs for the stand-in's names, and a self-signed one nobody trusts.
set -eu
dir=$1
cd "$dir"
names="DNS:bedrock-runtime.us-east-1.amazonaws.com,DNS:bedrock-runtime.us-west-2.amazonaws.com,DNS:api.llm.example,DNS:token.llm.example,DNS:sts.eu-central-1.amazonaws.com"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=hako test CA" \
    -keyout ca.key -out ca.pem 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=bedrock-runtime.us-east-1.amazonaws.com" \
    -keyout server.key -out server.csr 2>/dev/null
printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "$names" > ext.cnf
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
    -extfile ext.cnf -out server.pem 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=bedrock-runtime.us-east-1.amazonaws.com" \
    -addext "subjectAltName=$names" -keyout untrusted.key -out untrusted.pem 2>/dev/null
