#!/usr/bin/env bash
# CI's check of what users install (run by .ci/run after the tests): installs the cross toolchains and test
# tools, builds every release file with scripts/release.sh, and proves each one on this machine:
#   the amd64 .deb's contents, dpkg -i, and `gongping demo --report` from PATH;
#   both Linux window builds ask for no glibc symbol newer than 2.28;
#   the arm64 .deb's binary under qemu-user (demo --report; scores equal to amd64's within 1e-9);
#   the Windows installer silently under Wine (files, shortcuts, .gpw association; clean uninstall);
#   the Windows window under Wine on a virtual display (a window titled 公评, the process alive).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
dpkg --add-architecture i386
dpkg --add-architecture arm64
apt-get update -qq
apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64 nsis imagemagick zip xz-utils wine64 wine32:i386 \
	xvfb xdotool qemu-user libgl1-mesa-dev:arm64 libx11-dev:arm64 \
	libxcursor-dev:arm64 libxrandr-dev:arm64 libxinerama-dev:arm64 libxi-dev:arm64 libxxf86vm-dev:arm64 >/dev/null
command -v npm >/dev/null || apt-get install -y -qq --no-install-recommends npm >/dev/null # fetches Zig
out=$(mktemp -d)
DIST="$out/dist" bash scripts/release.sh >/dev/null
d="$out/dist"
V=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
ls -l "$d"

echo "== .deb (amd64) =="
info=$(dpkg-deb --info "$d/gongping_${V}_amd64.deb")
contents=$(dpkg-deb --contents "$d/gongping_${V}_amd64.deb") # read whole: grep -q closing the pipe early fails it
grep -q 'Architecture: amd64' <<<"$info"
for f in ./usr/bin/gongping ./usr/share/applications/gongping.desktop ./usr/share/mime/packages/gongping.xml \
	./usr/share/icons/hicolor/256x256/apps/gongping.png; do
	grep -q " $f\$" <<<"$contents" || { echo "the .deb lacks $f"; exit 1; }
done
dpkg -i "$d/gongping_${V}_amd64.deb" >/dev/null
(cd "$out" && gongping demo --db deb.gpw --report deb-report >/dev/null && test -s deb-report/report.html)
gongping score --db "$out/deb.gpw" --policy 1 --json >"$out/amd.json"
echo "installed: $(command -v gongping) runs demo --report"
glibc() { # the newest glibc symbol version a binary asks for must be at most 2.28 (UOS 20)
	local newest
	newest=$(objdump -T "$1" | grep -o 'GLIBC_[0-9.]*' | sort -Vu | tail -1)
	[ "$(printf '%s\n' "$newest" GLIBC_2.28 | sort -V | tail -1)" = GLIBC_2.28 ] || { echo "$1 needs $newest"; exit 1; }
	echo "$1: newest glibc symbol $newest"
}
glibc /usr/bin/gongping

echo "== .deb (arm64) under qemu-user =="
mkdir -p "$out/arm" && dpkg-deb -x "$d/gongping_${V}_arm64.deb" "$out/arm"
glibc "$out/arm/usr/bin/gongping"
(cd "$out" && qemu-aarch64 -L / arm/usr/bin/gongping demo --db arm.gpw --report arm-report >/dev/null &&
	test -s arm-report/report.html && qemu-aarch64 -L / arm/usr/bin/gongping score --db arm.gpw --policy 1 --json >arm.json)
go run ./scripts/jsonclose "$out/arm.json" "$out/amd.json"

echo "== Windows installer and window under Wine =="
bash scripts/windows/wine/test-installer.sh "$d/gongping-$V-windows-amd64-setup.exe"
bash scripts/windows/wine/test-window.sh "$d/win/公评.exe" "$d/win/gongping.exe"
rm -rf "$out"
