#!/usr/bin/env bash
# Starts the Windows window (公评.exe) under Wine on a virtual display with a sample workspace and checks,
# within a minute, that a window titled 公评 is shown and the process is alive; then closes it.
# Needs xvfb and xdotool. Usage: test-window.sh dist/win/公评.exe CLI_EXE
set -euo pipefail
gui=$(realpath "$1") cli=$(realpath "$2")
export WINEPREFIX=$(mktemp -d /tmp/gongping-wine-XXXX) WINEDEBUG=-all DISPLAY=:97
Xvfb :97 -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'wineserver -k 2>/dev/null || true; kill $xvfb 2>/dev/null || true; rm -rf "$WINEPREFIX"' EXIT
bash "$(dirname "$0")/setup.sh" >/dev/null
wine "$cli" demo --db 'C:\示例.gpw' >/dev/null
wine "$gui" 'C:\示例.gpw' >/dev/null 2>&1 &
for i in $(seq 60); do
	if xdotool search --name '公评' >/dev/null 2>&1; then
		sleep 2
		pgrep -f '公评.exe' >/dev/null || { echo "FAIL: the window closed"; exit 1; }
		echo "window: 公评 shown after ${i} s under Wine, process alive"
		exit 0
	fi
	sleep 1
done
echo "FAIL: no window titled 公评 within 60 s"
exit 1
