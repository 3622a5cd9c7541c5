; electron-builder includes this file in the NSIS installer (nsis.include defaults to build/installer.nsh).
; customInit runs in .onInit, after the per-user install folder is chosen ($INSTDIR: the last install's folder,
; the UserProgramFiles known folder — %LOCALAPPDATA%\Programs — or /D=…) and before anything is written.
!include WinVer.nsh

!macro customInit
  ; Electron 45 runs on Windows 10 and later only.
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "StreetDesk 需要 Windows 10 或更新的版本，这台电脑的 Windows 版本太旧，无法安装。" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  ; From a network share or a mapped network drive Chromium's sandbox cannot start: the window would stay blank
  ; (docs/electron.md). The app refuses to run there too; refusing here says so before anything is installed.
  StrCpy $R0 $INSTDIR 2
  StrCpy $R1 $INSTDIR 3
  System::Call 'kernel32::GetDriveTypeW(w R1) i .R2'
  ${If} $R0 == "\\"
  ${OrIf} $R2 == 4 ; DRIVE_REMOTE
    MessageBox MB_OK|MB_ICONSTOP "不能把 StreetDesk 安装到网络位置：$\r$\n$INSTDIR$\r$\n$\r$\n从网络共享或网络驱动器运行时，StreetDesk 的安全保护无法启动，窗口会一直空白。请安装到本机硬盘（不带 /D= 参数运行安装程序即装到 %LOCALAPPDATA%\Programs\streetdesk）。" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
!macroend
