#!/usr/bin/env bash
# Prepares a Wine prefix that runs GongPing's Windows build (tests only): wineboot, then the stand-in
# bcryptprimitives.dll in system32 (Go loads it from there only). WINEPREFIX defaults to /tmp/gongping-wine;
# it must be new or made by this Wine (a 64-bit-only prefix stops working once wine32 is installed).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export WINEPREFIX=${WINEPREFIX:-/tmp/gongping-wine} WINEDEBUG=${WINEDEBUG:--all}
x86_64-w64-mingw32-gcc -shared -O2 -o "$here/bcryptprimitives.dll" "$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -ladvapi32
wineboot -i >/dev/null 2>&1 || true
wineserver -w || true
cp "$here/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
rm -f "$here/bcryptprimitives.dll"
echo "$WINEPREFIX"
