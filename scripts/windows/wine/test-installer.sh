#!/usr/bin/env bash
# Installs the NSIS installer silently under Wine into a fresh prefix, checks the program, the Start-menu
# shortcuts and the .gpw association, then uninstalls and checks that everything is gone but the user's
# workspaces. The installer's stub is 32-bit: needs wine32 (dpkg --add-architecture i386; apt-get install
# wine32:i386). Usage: test-installer.sh dist/gongping-V-windows-amd64-setup.exe
set -euo pipefail
setup=$(realpath "$1")
export WINEPREFIX=$(mktemp -d /tmp/gongping-inst-XXXX) WINEDEBUG=-all
trap 'wineserver -k 2>/dev/null || true; rm -rf "$WINEPREFIX"' EXIT
wineboot -i >/dev/null 2>&1 || true
wineserver -w
u="$WINEPREFIX/drive_c/users/$(id -un)"
fail() { echo "FAIL: $*"; exit 1; }
wine "$setup" /S
wineserver -w
for f in 公评.exe gongping.exe gongping.ico uninstall.exe 使用说明.txt; do
	[ -f "$u/AppData/Local/Programs/GongPing/$f" ] || fail "not installed: $f"
done
[ -f "$u/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/公评/公评.lnk" ] || fail "no Start-menu shortcut"
wine reg query 'HKCU\Software\Classes\.gpw' | tr -d '\r' | grep 'GongPing.Workspace' >/dev/null || fail "no .gpw association"
wine reg query 'HKCU\Software\Classes\GongPing.Workspace\shell\open\command' >/dev/null || fail "no open command"
# a workspace of the user's (not under Documents: Wine links that to the real home folder)
ws="$u/AppData/Roaming/gongping/workspace.gpw"
mkdir -p "$(dirname "$ws")" && echo kept > "$ws"
wine "$u/AppData/Local/Programs/GongPing/uninstall.exe" /S
sleep 3
wineserver -w
[ ! -e "$u/AppData/Local/Programs/GongPing" ] || fail "program folder left after uninstall"
[ ! -e "$u/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/公评" ] || fail "Start-menu folder left"
if wine reg query 'HKCU\Software\Classes\GongPing.Workspace' >/dev/null 2>&1; then fail "association left"; fi
[ -f "$ws" ] || fail "the uninstaller removed a workspace"
echo "installer: installs, associates .gpw, uninstalls cleanly, keeps workspaces"
