#!/usr/bin/env bash
# Sourced by .ci/run: puts the Node named in .nvmrc first on PATH when the
# system's Node is older than its major version. The binary comes from the
# npm registry's node-linux-<arch> package (the official build), cached
# outside the repository so that later runs reuse it.
want="$(tr -d ' \nv' < .nvmrc)"
want_major="${want%%.*}"
have_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$have_major" -lt "$want_major" ]; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "no official Node $want build for $(uname -m) on the npm registry; install Node $want_major or newer" >&2; exit 1 ;;
  esac
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/ppp-archive/node-$want-linux-$arch"
  if [ ! -x "$cache/bin/node" ]; then
    tmp="$(mktemp -d)"
    npm pack "node-linux-$arch@$want" --pack-destination "$tmp" --silent >/dev/null
    mkdir -p "$cache"
    tar -xzf "$tmp"/node-linux-"$arch"-*.tgz -C "$cache" --strip-components=1
    rm -rf "$tmp"
  fi
  export PATH="$cache/bin:$PATH"
fi
echo "node $(node --version) ($(command -v node)), npm $(npm --version)"
