; 公评 (GongPing) per-user installer: no administrator rights (locked-down government desktops).
; Built by scripts/release.sh: makensis -DVERSION=x.y.z -DSRC=<folder with 公评.exe, gongping.exe> -DOUT=<setup.exe>
; Installs into %LOCALAPPDATA%\Programs\GongPing, adds Start-menu and desktop shortcuts, opens .gpw
; workspaces with the app, and uninstalls cleanly. Workspaces and settings are the user's: never removed.
Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "makensis -DVERSION=..."
!endif
!define APP "公评"
!define KEY "GongPing"
!define UNINST "Software\Microsoft\Windows\CurrentVersion\Uninstall\${KEY}"

Name "${APP} ${VERSION}"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\${KEY}"
InstallDirRegKey HKCU "Software\${KEY}" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID lzma
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP} 政策执行效果公众评价 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "公评开发组"

!define MUI_ICON "${SRC}\gongping.ico"
!define MUI_UNICON "${SRC}\gongping.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP}.exe"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "Install"
  SetOutPath "$INSTDIR"
  File "${SRC}\${APP}.exe"
  File "${SRC}\gongping.exe"
  File "${SRC}\gongping.ico"
  File "${SRC}\使用说明.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\${APP}.exe" "" "$INSTDIR\gongping.ico"
  CreateShortcut "$SMPROGRAMS\${APP}\卸载${APP}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\${APP}.exe" "" "$INSTDIR\gongping.ico"

  ; .gpw workspaces open with the app (per user: HKCU\Software\Classes)
  WriteRegStr HKCU "Software\Classes\.gpw" "" "${KEY}.Workspace"
  WriteRegStr HKCU "Software\Classes\${KEY}.Workspace" "" "公评工作区"
  WriteRegStr HKCU "Software\Classes\${KEY}.Workspace\DefaultIcon" "" "$INSTDIR\gongping.ico"
  WriteRegStr HKCU "Software\Classes\${KEY}.Workspace\shell\open\command" "" '"$INSTDIR\${APP}.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  WriteRegStr HKCU "Software\${KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINST}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST}" "Publisher" "公评开发组"
  WriteRegStr HKCU "${UNINST}" "DisplayIcon" "$INSTDIR\gongping.ico"
  WriteRegStr HKCU "${UNINST}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$INSTDIR\${APP}.exe"
  Delete "$INSTDIR\gongping.exe"
  Delete "$INSTDIR\gongping.ico"
  Delete "$INSTDIR\使用说明.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}\${APP}.lnk"
  Delete "$SMPROGRAMS\${APP}\卸载${APP}.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  Delete "$DESKTOP\${APP}.lnk"
  ReadRegStr $0 HKCU "Software\Classes\.gpw" ""
  StrCmp $0 "${KEY}.Workspace" 0 +2
    DeleteRegKey HKCU "Software\Classes\.gpw"
  DeleteRegKey HKCU "Software\Classes\${KEY}.Workspace"
  DeleteRegKey HKCU "Software\${KEY}"
  DeleteRegKey HKCU "${UNINST}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  ; workspaces (.gpw) and settings are the user's: kept
SectionEnd
