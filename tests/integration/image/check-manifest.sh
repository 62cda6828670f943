#!/usr/bin/env bash
# The workspace image's manifest (scripts/build-image.sh -> image-manifest.sh):
# an SPDX 2.3 SBOM beside the image that lists python3, nodejs and git with the
# versions really installed in it, and the Debian snapshot it was built from.
set -euo pipefail
IMAGE="${HAKO_IMAGE:-hako/workspace-base:latest}"
CACHE_DIR="${HAKO_CACHE_DIR:-/var/cache/hako}"
fail() { echo "FAIL: $*"; exit 1; }

hash="$(docker image inspect -f '{{ index .Config.Labels "org.hako.inputs" }}' "$IMAGE")" || fail "no image $IMAGE"
dir="$CACHE_DIR/manifests/$hash"
sbom="$dir/sbom.spdx.json"
[ -s "$sbom" ] || fail "$sbom missing: scripts/build-image.sh writes it"
[ "$(jq -r .spdxVersion "$sbom")" = SPDX-2.3 ] || fail "$sbom is not SPDX 2.3"
[ "$(jq -r .packages[0].versionInfo "$sbom")" = "$(docker image inspect -f '{{.Id}}' "$IMAGE")" ] \
    || fail "$sbom describes another image than $IMAGE"

# What dpkg in the image says, independently of the manifest.
installed="$(docker run --rm --network none --entrypoint dpkg-query "$IMAGE" -W -f '${Package} ${Version}\n' python3 nodejs git)"
for pkg in python3 nodejs git; do
    listed="$(jq -r --arg p "$pkg" '.packages[] | select(.name == $p) | .versionInfo' "$sbom")"
    [ -n "$listed" ] || fail "$pkg is not in $sbom"
    want="$(awk -v p="$pkg" '$1 == p { print $2 }' <<<"$installed")"
    [ "$listed" = "$want" ] || fail "$pkg: manifest says '$listed', the image has '$want'"
    purl="$(jq -r --arg p "$pkg" '.packages[] | select(.name == $p) | .externalRefs[0].referenceLocator' "$sbom")"
    [[ "$purl" == pkg:deb/debian/"$pkg"@* ]] || fail "$pkg: purl '$purl'"
    echo "$pkg $listed"
done
total="$(jq '[.packages[] | select(.SPDXID != "SPDXRef-Image")] | length' "$sbom")"
in_image="$(docker run --rm --network none --entrypoint dpkg-query "$IMAGE" -W -f '${db:Status-Abbrev}\n' | grep -c '^ii')"
[ "$total" = "$in_image" ] || fail "manifest lists $total packages, the image has $in_image"
echo "$total packages"

snap="$dir/snapshot.json"
[ -s "$snap" ] || fail "$snap missing"
jq -e '.suite == "bookworm" and (.mirror | test("^https?://")) and (.snapshot_timestamp | test("^[0-9]{8}T[0-9]{6}Z$"))' "$snap" >/dev/null \
    || fail "$snap does not name suite, mirror and snapshot timestamp: $(jq -c 'del(.debootstrap_packages)' "$snap")"
echo "snapshot $(jq -r .snapshot_timestamp "$snap")"
echo PASS
