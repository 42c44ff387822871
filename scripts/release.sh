#!/usr/bin/env bash
# Builds every release file into dist/ with SHA-256 sums, versioned from FyneApp.toml:
#   gongping-V-windows-amd64-setup.exe     per-user installer (NSIS), 公评.exe + gongping.exe
#   gongping-V-windows-amd64-portable.zip  unpack anywhere, double-click 公评.exe
#   gongping_V_{amd64,arm64}.deb           Debian/Ubuntu/Kylin/UOS, desktop entry, icon, .gpw type
#   gongping-V-linux-{amd64,arm64}.tar.xz  the same files for other distributions
#   gongping-V-cli-linux-loong64           the command line alone (pure Go, no window)
# Needs (Debian): gcc libgl1-mesa-dev xorg-dev gcc-mingw-w64-x86-64 nsis imagemagick xz-utils zip npm (Zig,
# fetched once by scripts/linux/zig.sh, links the Linux builds for glibc 2.28); for arm64 (skipped without
# them), after dpkg --add-architecture arm64: libgl1-mesa-dev:arm64
# libx11-dev:arm64 libxcursor-dev:arm64 libxrandr-dev:arm64 libxinerama-dev:arm64 libxi-dev:arm64 libxxf86vm-dev:arm64
# (xorg-dev:arm64 does not exist).
# Signing: with SIGN_PKCS12=cert.p12 (and SIGN_PASSWORD) the Windows programs and the installer are signed
# with osslsigncode (Authenticode, SHA-256, timestamped when SIGN_TIMESTAMP names a server); without, unsigned.
# Go tools come from the module proxy at pinned versions (go-winres, nfpm). The Windows window build
# compiles Fyne's C parts with mingw: minutes the first time, seconds after (the Go build cache).
set -euo pipefail
cd "$(dirname "$0")/.."
V=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
[ -n "$V" ] || { echo "release: no Version in FyneApp.toml" >&2; exit 1; }
DIST=$(realpath -m "${DIST:-dist}")
rm -rf "$DIST" && mkdir -p "$DIST/win" "$DIST/linux"
TAGS=migrated_fynedo # as Fyne's packager builds releases (its thread checks off); CI tests with it too

echo "== resources (icon, version info) =="
convert assets/icon.png -define icon:auto-resize=256,128,64,48,32,16 "$DIST/win/gongping.ico"
go run github.com/tc-hib/go-winres@v0.3.3 simply --arch amd64 --out rsrc --icon assets/icon.png --manifest gui \
  --product-name "公评" --file-description "公评 政策执行效果公众评价" --product-version "$V" --file-version "$V" \
  --copyright "公评开发组" --original-filename "公评.exe"
trap 'rm -f rsrc_windows_*.syso' EXIT

echo "== Windows: the window (公评.exe) and the command line (gongping.exe) =="
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
  go build -tags "$TAGS" -trimpath -ldflags "-H windowsgui -s -w" -o "$DIST/win/公评.exe" .
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go build -tags nogui -trimpath -ldflags "-s -w" -o "$DIST/win/gongping.exe" .
rm -f rsrc_windows_*.syso
sign() { # sign FILE in place when a certificate is given
	[ -n "${SIGN_PKCS12:-}" ] || return 0
	osslsigncode sign -pkcs12 "$SIGN_PKCS12" ${SIGN_PASSWORD:+-pass "$SIGN_PASSWORD"} -h sha256 -n "公评" \
		${SIGN_TIMESTAMP:+-ts "$SIGN_TIMESTAMP"} -in "$1" -out "$1.signed" && mv "$1.signed" "$1"
}
sign "$DIST/win/公评.exe"
sign "$DIST/win/gongping.exe"
{ printf '\xEF\xBB\xBF'; sed 's/$/\r/' scripts/windows/使用说明.txt; } > "$DIST/win/使用说明.txt"
(cd "$DIST/win" && zip -q -9 "../gongping-$V-windows-amd64-portable.zip" 公评.exe gongping.exe gongping.ico 使用说明.txt)
makensis -V2 -DVERSION="$V" -DSRC="$DIST/win" -DOUT="$DIST/gongping-$V-windows-amd64-setup.exe" scripts/windows/installer.nsi
sign "$DIST/gongping-$V-windows-amd64-setup.exe"

mkdir -p "$DIST/linux/icons"
for s in 16 32 48 64 128 256 512; do convert assets/icon.png -resize ${s}x${s} "$DIST/linux/icons/gongping-$s.png"; done
# Linked for glibc 2.28 with zig cc (scripts/linux/zigcc), so UOS 20 (2.28) and Kylin V10 (2.31) run it.
ZIG=$(bash scripts/linux/zig.sh)
export ZIG
for arch in amd64 arm64; do
	echo "== Linux $arch: .deb and .tar.xz =="
	if [ $arch = arm64 ] && [ ! -e /usr/lib/aarch64-linux-gnu/libGL.so ]; then
		echo "(no arm64 libGL: arm64 window build skipped)"; continue
	fi
	CGO_ENABLED=1 GOOS=linux GOARCH=$arch CC="$PWD/scripts/linux/zigcc" \
		go build -tags "$TAGS" -trimpath -ldflags "-s -w" -o "$DIST/linux/gongping" .
	newest=$(objdump -T "$DIST/linux/gongping" | grep -o 'GLIBC_[0-9.]*' | sort -Vu | tail -1)
	[ "$(printf '%s\n' "$newest" GLIBC_2.28 | sort -V | tail -1)" = GLIBC_2.28 ] ||
		{ echo "release: the $arch build needs $newest, more than glibc 2.28" >&2; exit 1; }
	echo "$arch: newest glibc symbol $newest"
	sed "s|\${DIST}|$DIST|g; s|\${VERSION}|$V|g; s|\${ARCH}|$arch|g" scripts/linux/nfpm.yaml > "$DIST/linux/nfpm.yaml"
	go run github.com/goreleaser/nfpm/v2/cmd/nfpm@v2.45.2 package -f "$DIST/linux/nfpm.yaml" -p deb -t "$DIST/"
	tar -C "$DIST/linux" -cJf "$DIST/gongping-$V-linux-$arch.tar.xz" gongping icons \
		-C "$PWD/scripts/linux" gongping.desktop gongping-mime.xml
done

echo "== command line alone: loong64 =="
for arch in loong64; do
  CGO_ENABLED=0 GOOS=linux GOARCH=$arch go build -tags nogui -trimpath -ldflags "-s -w" -o "$DIST/gongping-$V-cli-linux-$arch" .
done

(cd "$DIST" && sha256sum gongping* > SHA256SUMS && cat SHA256SUMS)
