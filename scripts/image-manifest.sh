#!/usr/bin/env bash
# What the workspace image contains, for scanners and for a reproducible
# rebuild. Called by scripts/build-image.sh after a build, and for an image
# built earlier that has no manifest yet (read from the image, no rebuild).
#
#   image-manifest.sh IMAGE OUTDIR
#
# Writes into OUTDIR:
#   sbom.spdx.json   SPDX 2.3: every dpkg package in the image with its version,
#                    architecture, source package and a purl (pkg:deb/debian/...)
#   snapshot.json    the Debian archive the packages came from: suite, mirror
#                    URI (from this machine's apt configuration), the suite's
#                    Release Date as a snapshot timestamp, its SHA-256, and the
#                    base system's package list (debootstrap) when known
# Environment (set by build-image.sh): APT_MIRROR, SUITE, ROOTFS, DOCKER.
set -euo pipefail

image="$1"; out="$2"
DOCKER="${DOCKER:-docker}"
SUITE="${SUITE:-bookworm}"
log() { printf '[image-manifest] %s\n' "$*"; }

mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# dpkg's own view from inside the image; no network, nothing else runs.
"$DOCKER" run --rm --network none --user 0 --entrypoint dpkg-query "$image" \
    -W -f '${Package}\t${Version}\t${Architecture}\t${source:Package}\t${source:Version}\t${db:Status-Abbrev}\n' \
    >"$tmp/packages.tsv"
id="$("$DOCKER" image inspect -f '{{.Id}}' "$image")"
created="$("$DOCKER" image inspect -f '{{.Created}}' "$image" | cut -c1-19)Z"

# The suite's Release file as the mirror serves it now: its Date names the
# archive state (snapshot timestamp form YYYYMMDDTHHMMSSZ).
release_date="" release_sha="" snapshot=""
if [ -n "${APT_MIRROR:-}" ] && curl -fsS --max-time 20 -o "$tmp/Release" "$APT_MIRROR/dists/$SUITE/Release" 2>/dev/null; then
    release_date="$(sed -n 's/^Date: //p' "$tmp/Release" | head -n1)"
    release_sha="$(sha256sum <"$tmp/Release" | cut -d' ' -f1)"
    snapshot="$(date -u -d "$release_date" +%Y%m%dT%H%M%SZ 2>/dev/null || true)"
fi
base_packages='[]'
if [ -n "${ROOTFS:-}" ] && [ -d "$ROOTFS/var/lib/dpkg" ]; then
    base_packages="$(dpkg-query --admindir="$ROOTFS/var/lib/dpkg" -W -f '${Package}=${Version}\n' | jq -R . | jq -s .)"
fi

jq -n --arg image "$image" --arg id "$id" --arg created "$created" --arg suite "$SUITE" \
      --arg mirror "${APT_MIRROR:-}" --arg date "$release_date" --arg sha "$release_sha" \
      --arg snapshot "$snapshot" --argjson base "$base_packages" '{
    image: $image, image_id: $id, image_created: $created,
    suite: $suite, mirror: $mirror,
    release_date: $date, release_sha256: $sha, snapshot_timestamp: $snapshot,
    release_checked_at: (now | todate),
    debootstrap_packages: $base
}' >"$out/snapshot.json"

# SPDX 2.3 JSON; document namespace derived from the image ID, so it is stable.
jq -R -s --arg image "$image" --arg id "$id" --arg created "$created" '
  [ split("\n")[] | select(length > 0) | split("\t")
    | select(.[5] | startswith("ii"))
    | { name: .[0], version: .[1], arch: .[2],
        source: (if .[3] == "" then .[0] else .[3] end),
        sourceVersion: (if .[4] == "" then .[1] else .[4] end) } ] as $pkgs
  | {
      spdxVersion: "SPDX-2.3",
      dataLicense: "CC0-1.0",
      SPDXID: "SPDXRef-DOCUMENT",
      name: $image,
      documentNamespace: ("urn:hako:workspace-image:" + ($id | sub("^sha256:"; ""))),
      creationInfo: { created: $created, creators: ["Tool: hako scripts/image-manifest.sh"] },
      documentDescribes: ["SPDXRef-Image"],
      packages: ([{
          SPDXID: "SPDXRef-Image", name: $image, versionInfo: $id,
          downloadLocation: "NOASSERTION", filesAnalyzed: false, primaryPackagePurpose: "CONTAINER"
        }] + [ $pkgs[] | {
          SPDXID: ("SPDXRef-deb-" + (.name | gsub("[^A-Za-z0-9.-]"; "-")) + "-" + .arch),
          name: .name, versionInfo: .version,
          supplier: "Organization: Debian",
          downloadLocation: "NOASSERTION", filesAnalyzed: false,
          sourceInfo: ("built from source package " + .source + " " + .sourceVersion),
          externalRefs: [{ referenceCategory: "PACKAGE-MANAGER", referenceType: "purl",
                           referenceLocator: ("pkg:deb/debian/" + .name + "@" + (.version | @uri)
                                              + "?arch=" + .arch + "&distro=debian-12") }]
        } ]),
      relationships: [ $pkgs[] | { spdxElementId: "SPDXRef-Image", relationshipType: "CONTAINS",
          relatedSpdxElement: ("SPDXRef-deb-" + (.name | gsub("[^A-Za-z0-9.-]"; "-")) + "-" + .arch) } ]
    }' "$tmp/packages.tsv" >"$out/sbom.spdx.json"

log "$(jq '.packages | length - 1' "$out/sbom.spdx.json") packages -> $out/sbom.spdx.json; snapshot ${snapshot:-unknown}"
