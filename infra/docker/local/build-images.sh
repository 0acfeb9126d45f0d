#!/usr/bin/env bash
# Builds, from Debian packages alone, every image the Dockerfile and compose.yaml otherwise pull from a public
# registry, for a machine that reaches none (this project's CI; an air-gapped VM). Needs root, debootstrap and a
# running Docker daemon; takes about two minutes. Writes the image names to local-images.env (next to compose.yaml):
#   set -a; . infra/docker/local-images.env; set +a      # then deploy.sh and docker build use them
#
#   basis-local/runtime-deps:bookworm  what mcr.microsoft.com/dotnet/runtime-deps:10.0 provides (Debian, CA certificates
#                                      with this machine's own, tzdata)
#   basis-local/dotnet-sdk:10.0        that plus this machine's .NET SDK (the role of mcr.microsoft.com/dotnet/sdk:10.0)
#   basis-local/postgres:15            Debian's postgresql-15 behind the official postgres image's entry point
#   basis-local/azurite:3.35.0         Azurite (the version .ci/tools pins, from npm) on Debian's Node.js, started like the
#                                      official image
#   basis-local/caddy:2.6              Debian's caddy 2.6.2, started like the official image
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
suite="${DEBIAN_SUITE:-bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in debootstrap docker tar; do
  command -v "$tool" >/dev/null || { echo "build-images.sh: $tool is not installed" >&2; exit 1; }
done
[ "$(id -u)" -eq 0 ] || { echo "build-images.sh: debootstrap needs root" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "build-images.sh: no Docker daemon answers (start dockerd first)" >&2; exit 1; }

step() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }

step "debootstrap $suite (minbase) from $mirror"
debootstrap --variant=minbase --include=ca-certificates,tzdata "$suite" "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb
# This machine's own certificate authorities (e.g. a proxy's on a closed network): without them nothing in the
# images can reach NuGet or any other HTTPS registry the machine itself reaches.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$work/rootfs/usr/local/share/ca-certificates/"
  chroot "$work/rootfs" update-ca-certificates >/dev/null
fi
tar -C "$work/rootfs" -c . | docker import --change 'CMD ["bash"]' - basis-local/runtime-deps:"$suite" >/dev/null

step "dotnet SDK image from $(dotnet --version) at $(dirname "$(readlink -f "$(command -v dotnet)")")"
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
mkdir -p "$work/rootfs/usr/share/dotnet"
cp -a "$dotnet_root/." "$work/rootfs/usr/share/dotnet/"
ln -sf /usr/share/dotnet/dotnet "$work/rootfs/usr/bin/dotnet"
tar -C "$work/rootfs" -c . | docker import \
  --change 'ENV DOTNET_ROOT=/usr/share/dotnet DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1' \
  --change "ENV NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-online}" \
  --change 'CMD ["bash"]' - basis-local/dotnet-sdk:10.0 >/dev/null

# The Azurite the tests use (its version from .ci/tools), installed alone: the stand-in's build context.
azurite_version="$(node -p "require('$repo/.ci/tools/package.json').devDependencies.azurite")"
step "npm install azurite@$azurite_version"
npm install --prefix "$work/azurite" --no-audit --no-fund --silent "azurite@$azurite_version"

build() { # name, Dockerfile, context
  step "docker build $1"
  docker build --network host --quiet --build-arg BASE_IMAGE=basis-local/runtime-deps:"$suite" -t "$1" -f "$2" "$3" >/dev/null
}
build basis-local/postgres:15 "$here/postgres.Dockerfile" "$here"
build "basis-local/azurite:$azurite_version" "$here/azurite.Dockerfile" "$work/azurite"
build basis-local/caddy:2.6 "$here/caddy.Dockerfile" "$here"

cat >"$here/../local-images.env" <<VARS
# Written by infra/docker/local/build-images.sh: images built from Debian packages instead of pulled.
DOTNET_SDK_IMAGE=basis-local/dotnet-sdk:10.0
RUNTIME_DEPS_IMAGE=basis-local/runtime-deps:$suite
POSTGRES_IMAGE=basis-local/postgres:15
AZURITE_IMAGE=basis-local/azurite:$azurite_version
CADDY_IMAGE=basis-local/caddy:2.6
VARS
step "done: infra/docker/local-images.env"
