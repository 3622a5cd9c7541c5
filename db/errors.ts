import path from 'node:path';

/** The database file was written by a newer StreetDesk; opening it could lose data. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `数据文件由更新版本的 StreetDesk 创建（数据版本 ${fileVersion}，本程序支持到 ${appVersion}）。` +
        '为避免数据损坏，本程序不会打开它。请安装最新版本后再打开。',
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** Another StreetDesk process (a window or `npm run web`) already has this data folder open. */
export class DataFolderInUseError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `数据文件夹 ${dataDir} 正在被另一个 StreetDesk（桌面程序或浏览器模式）使用。` +
        '同一个数据文件夹同一时间只能由一个程序打开，否则数据会互相覆盖。请先关闭另一个，再重新打开。',
    );
    this.name = 'DataFolderInUseError';
  }
}

/**
 * The data file exists but is not an intact StreetDesk database (empty, truncated, not a database, or failing
 * `quick_check`). It is never opened as a fresh installation and never backed up; the message names the newest
 * good backup, once the caller knows it (`withNewestBackup`).
 */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly newestBackup: string | null = null,
  ) {
    const advice = newestBackup
      ? `最近一份完好的备份是：\n${newestBackup}\n恢复方法：关闭程序，把 ${file}（以及同名的 -wal、-shm 文件）移到别处保存，` +
        `再把这份备份复制到数据文件夹并改名为 ${path.basename(file)}，然后重新打开。`
      : '备份文件夹中没有完好的备份。请联系技术支持，不要删除这个文件。';
    super(`数据文件 ${file} 已损坏（${problem}），程序没有打开它，也没有改动它。\n${advice}`);
    this.name = 'DatabaseDamagedError';
  }

  withNewestBackup(backup: string | null): DatabaseDamagedError {
    return new DatabaseDamagedError(this.file, this.problem, backup);
  }
}

/** The data file is encrypted and this program's SQLite engine cannot decrypt (the node:sqlite fallback). */
export class EncryptionUnavailableError extends Error {
  constructor(readonly driverReason: string | null) {
    super(
      '数据文件已加密，但本机的 StreetDesk 只能使用备用数据库引擎（node:sqlite），它不能解密数据，程序没有打开也没有改动数据文件。' +
        `${driverReason ? `（加密数据库引擎没有加载：${driverReason}）` : ''}请安装适合本机系统的 StreetDesk 版本，或联系技术支持。`,
    );
    this.name = 'EncryptionUnavailableError';
  }
}

/** The data key does not open the file: a key file from another installation, or a file replaced by another one's. */
export class WrongDataKeyError extends Error {
  constructor(readonly file: string) {
    super(`数据文件 ${file} 无法用本机保存的数据密钥解密（密钥不对，或这个文件不是本安装的数据）。程序没有打开它，也没有改动它。请联系技术支持，不要删除这个文件。`);
    this.name = 'WrongDataKeyError';
  }
}
