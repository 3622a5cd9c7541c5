import { app, dialog, shell, type BrowserWindow } from 'electron';
import { DatabaseDamagedError, DatabaseTooNewError, DataFolderInUseError } from '../../db/errors';
import { CoreStoppedError } from '../core-host/client';
import { InstallLocationError } from './install-location';

/** Chinese text for a startup failure or a core that stopped; pure so that the wording can be tested without Electron. */
export function fatalText(err: unknown, logDir: string | null): { title: string; message: string } {
  const where = logDir ? `\n\n详细信息已写入日志文件夹：\n${logDir}` : '';
  // Refusals whose message already says what happened and what to do; the data file was not changed.
  if (err instanceof DatabaseTooNewError || err instanceof DatabaseDamagedError || err instanceof DataFolderInUseError) {
    return { title: 'StreetDesk 无法打开数据文件', message: `${err.message}${where}` };
  }
  if (err instanceof InstallLocationError) return { title: 'StreetDesk 不能从网络位置运行', message: `${err.message}${where}` };
  const reason = `\n\n原因：${err instanceof Error ? err.message : String(err)}${where}\n\n请重新打开程序；如果问题持续，请把日志文件发给技术支持。`;
  // The core's thread died while the app ran (not a refusal): what was saved is whole, every save being one transaction.
  if (err instanceof CoreStoppedError) {
    return { title: 'StreetDesk 已停止', message: `StreetDesk 的数据处理部分意外停止，程序将退出。已经保存的数据不受影响，未完成的操作没有保存。${reason}` };
  }
  return { title: 'StreetDesk 无法启动', message: `StreetDesk 启动时出错，程序将退出。数据文件没有被改动。${reason}` };
}

/**
 * Modal and synchronous, so it is seen before the app exits. On Linux it only reaches stderr before
 * `ready`, which is why the shell calls it from inside `whenReady`.
 */
export function showFatal(err: unknown, logDir: string | null): void {
  const { title, message } = fatalText(err, logDir);
  dialog.showErrorBox(title, message);
}

export function aboutText(version: string, dataDir: string): { message: string; detail: string } {
  return {
    message: `StreetDesk 街道治理工作台`,
    detail:
      `版本 ${version}\n` +
      '党组织、志愿积分、红色物业、电梯维保基金台账与上报\n\n' +
      `数据文件夹：${dataDir}\n（数据库、自动备份和日志都在这里）`,
  };
}

export async function showAbout(win: BrowserWindow | null, dataDir: string): Promise<void> {
  const { message, detail } = aboutText(app.getVersion(), dataDir);
  const options = {
    type: 'info' as const,
    title: '关于 StreetDesk',
    message,
    detail,
    buttons: ['确定', '打开数据文件夹'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  if (response === 1) await shell.openPath(dataDir);
}
