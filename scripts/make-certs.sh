#!/usr/bin/env bash
# Makes a local certificate authority and a localhost server certificate for the webpack dev
# server (https://localhost:3000) in .certs/ (git-ignored). office-addin-dev-certs does not work
# on these machines (it needs sudo), so this uses openssl directly.
#
#   scripts/make-certs.sh           # create what is missing or about to expire; otherwise do nothing
#   scripts/make-certs.sh --force   # start again with a new CA
#
# Office and the browser must trust .certs/ca.crt before they load the add-in:
#   Windows: certutil -user -addstore Root .certs\ca.crt
#   macOS:   security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db .certs/ca.crt
#   Debian:  sudo cp .certs/ca.crt /usr/local/share/ca-certificates/customer-insight-dev.crt && sudo update-ca-certificates
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.certs"
CA_KEY="$DIR/ca.key"; CA_CRT="$DIR/ca.crt"
KEY="$DIR/localhost.key"; CRT="$DIR/localhost.crt"
RENEW_SECONDS=$((30 * 24 * 3600))

command -v openssl >/dev/null || { echo "make-certs: openssl is not installed" >&2; exit 1; }

if [[ "${1:-}" == "--force" ]]; then rm -f "$CA_KEY" "$CA_CRT" "$KEY" "$CRT"; fi
mkdir -p "$DIR"
chmod 700 "$DIR"

valid() { [[ -s "$1" ]] && openssl x509 -in "$1" -noout -checkend "$RENEW_SECONDS" >/dev/null 2>&1; }

if ! valid "$CA_CRT" || [[ ! -s "$CA_KEY" ]]; then
  echo "make-certs: creating the development CA"
  openssl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days 3650 \
    -keyout "$CA_KEY" -out "$CA_CRT" \
    -subj "/CN=Customer Insight Dev CA/O=Customer Insight (development)" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" 2>/dev/null
  rm -f "$CRT" # a new CA invalidates the old server certificate
fi

if ! valid "$CRT" || [[ ! -s "$KEY" ]] || ! openssl verify -CAfile "$CA_CRT" "$CRT" >/dev/null 2>&1; then
  echo "make-certs: creating the localhost certificate"
  EXT="$(mktemp)"
  trap 'rm -f "$EXT" "$DIR/localhost.csr" "$DIR/ca.srl"' EXIT
  cat >"$EXT" <<'EXTS'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1
authorityKeyIdentifier=keyid
subjectKeyIdentifier=hash
EXTS
  openssl req -new -newkey rsa:2048 -nodes -sha256 -keyout "$KEY" -out "$DIR/localhost.csr" \
    -subj "/CN=localhost" 2>/dev/null
  openssl x509 -req -in "$DIR/localhost.csr" -CA "$CA_CRT" -CAkey "$CA_KEY" -CAcreateserial \
    -days 365 -sha256 -extfile "$EXT" -out "$CRT" 2>/dev/null
fi

chmod 600 "$CA_KEY" "$KEY"
openssl verify -CAfile "$CA_CRT" "$CRT" >/dev/null
echo "make-certs: $CRT valid until $(openssl x509 -in "$CRT" -noout -enddate | cut -d= -f2) (CA: $CA_CRT)"
