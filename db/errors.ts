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
