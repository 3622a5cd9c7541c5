import fs from 'node:fs';
import path from 'node:path';
import { networkFileSystemOf } from '../network-drive';

/**
 * StreetDesk was started from a network location on Windows. Chromium's sandbox cannot start its processes from a
 * network share or a mapped network drive: the window stays blank, the GPU process fails with error_code=18
 * (electron/electron#25618, #36698; VS Code, Chrome itself the same). The only way round is to switch the sandbox
 * off, which we do not do; so the app refuses, saying where to install it instead.
 */
export class InstallLocationError extends Error {
  constructor(readonly folder: string) {
    super(
      `StreetDesk 的程序位于网络位置：\n${folder}\n\n` +
        '从网络共享或映射的网络驱动器运行时，Windows 不允许 StreetDesk 的安全保护（沙箱）启动，窗口会一直空白。' +
        '请在这台电脑上运行安装程序，装到本机硬盘（默认位置 %LOCALAPPDATA%\\Programs\\streetdesk），不要把程序放在网络驱动器上。数据没有被改动。',
    );
    this.name = 'InstallLocationError';
  }
}

/** `\\?\UNC\server\share` and `\\?\C:\…` (long-path forms) as the plain paths they name. */
const withoutLongPrefix = (p: string) => p.replace(/^\\\\\?\\UNC\\/i, '\\\\').replace(/^\\\\\?\\/, '');

/**
 * The network folder the program runs from (its own executable's folder), or null. Windows resolves a mapped drive
 * letter to its UNC path in `realpath` (libuv asks GetFinalPathNameByHandle), so `Z:\StreetDesk` on a share is seen
 * too. Other systems: null — Chromium's Linux sandbox does not mind where the files are.
 */
export function networkInstallFolder(
  exePath: string,
  platform: NodeJS.Platform = process.platform,
  realpath: (p: string) => string = fs.realpathSync.native,
): string | null {
  if (platform !== 'win32') return null;
  let real = exePath;
  try {
    real = realpath(exePath);
  } catch {
    // unreadable: judge the path as given
  }
  for (const p of [exePath, real].map(withoutLongPrefix)) {
    if (networkFileSystemOf(p, 'win32')) return path.win32.dirname(p);
  }
  return null;
}

/** Refuses to start from a network location (see InstallLocationError). */
export function checkInstallLocation(exePath = process.execPath, platform: NodeJS.Platform = process.platform): void {
  const folder = networkInstallFolder(exePath, platform);
  if (folder) throw new InstallLocationError(folder);
}
