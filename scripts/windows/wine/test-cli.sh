#!/usr/bin/env bash
# Runs the Windows command line (gongping.exe, built with -tags nogui) under Wine against the Linux build on
# the same inputs, at paths with Chinese folder names, and fails on any difference: demo + report, import of
# an xlsx and a GBK CSV, score --json, check --json. Usage: test-cli.sh WINDOWS_EXE LINUX_BINARY
set -euo pipefail
win=$(realpath "$1") lin=$(realpath "$2")
repo=$(cd "$(dirname "$0")/../../.." && pwd)
# A fresh prefix each run: one made before wine32 was installed (or by another Wine) does not start.
export WINEPREFIX=$(mktemp -d /tmp/gongping-wine-XXXX) WINEDEBUG=-all
work=$(mktemp -d)
trap 'wineserver -k 2>/dev/null || true; rm -rf "$work" "$WINEPREFIX"' EXIT
bash "$(dirname "$0")/setup.sh" >/dev/null
c="$WINEPREFIX/drive_c/用户/评价"
mkdir -p "$c"
cp "$repo/data/ingest/testdata/wjx_text.xlsx" "$c/问卷.xlsx"
cp "$repo/data/ingest/testdata/wjx_text_gbk.csv" "$c/问卷GBK.csv"
cp "$c/问卷.xlsx" "$c/问卷GBK.csv" "$work/"
w() {
	local rc=0 o
	o=$(wine "$win" "$@") || rc=$?
	if [ -n "$o" ]; then printf '%s\n' "$o" | tr -d '\r'; fi
	return $rc
}
l() { (cd "$work" && "$lin" "$@"); }
fail=0
same() { # name, then the two outputs
	if [ "$2" != "$3" ]; then echo "DIFFERENT: $1"; diff <(echo "$2") <(echo "$3") | head -20; fail=1; else echo "same: $1"; fi
}
same "demo" "$(w demo --db 'C:\用户\评价\示例.gpw' --report 'C:\用户\评价\报告' | sed 's/.*\\//')" "$(l demo --db 示例.gpw --report 报告 | sed 's/.*\///')"
for f in "$c/报告/report.html" "$c/报告/report.xlsx"; do [ -s "$f" ] || { echo "MISSING: $f"; fail=1; }; done
same "report.html" "$(sed 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9:]\{8\}//g' "$c/报告/report.html" | sha256sum)" "$(sed 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9:]\{8\}//g' "$work/报告/report.html" | sha256sum)"
same "policy add" "$(w policy add --db 'C:\用户\评价\示例.gpw' --title 测试政策 --dept 市发展改革委 --category 营商环境)" "$(l policy add --db 示例.gpw --title 测试政策 --dept 市发展改革委 --category 营商环境)"
strip() { grep -v '"seconds"\|"file"'; }
same "import xlsx" "$(w import survey --db 'C:\用户\评价\示例.gpw' --policy 2 --round 一 'C:\用户\评价\问卷.xlsx' | strip)" "$(l import survey --db 示例.gpw --policy 2 --round 一 问卷.xlsx | strip)"
same "import GBK csv" "$(w import survey --db 'C:\用户\评价\示例.gpw' --policy 2 --round 二 'C:\用户\评价\问卷GBK.csv' | strip)" "$(l import survey --db 示例.gpw --policy 2 --round 二 问卷GBK.csv | strip)"
same "score --json" "$(w score --db 'C:\用户\评价\示例.gpw' --policy 1 --json)" "$(l score --db 示例.gpw --policy 1 --json)"
same "check --json" "$(w check --db 'C:\用户\评价\示例.gpw' --policy 1 --json)" "$(l check --db 示例.gpw --policy 1 --json)"
same "bad input: message and exit status 1" "$(w import survey --db 'C:\用户\评价\示例.gpw' --policy 9 'C:\用户\评价\问卷.xlsx' 2>&1 || echo "exit $?")" "$(l import survey --db 示例.gpw --policy 9 问卷.xlsx 2>&1 || echo "exit $?")"
same "bad usage: exit status 2" "$(w workdays 2026-03-10 2026-03-01 2>/dev/null || echo "exit $?")" "$(l workdays 2026-03-10 2026-03-01 2>/dev/null || echo "exit $?")"
exit $fail
