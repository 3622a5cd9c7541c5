import type { AuditEntry } from '../../db/audit';
import type { BackupInfo } from '../../db/backup';
import type { Db } from '../../db/open';
import type { Logger } from '../log';

/** What the core offers handlers beyond the database (files, backups). */
export interface Services {
  dataDir: string;
  dbFile: string;
  backupDir: string;
  log: Logger;
  backupNow(): Promise<BackupInfo>;
  restore(backupName: string): Promise<{ keptAs: string }>;
}

export interface Ctx {
  db: Db;
  /** The operator (录入人) recorded on every change. */
  operator: string;
  /** Records an audit entry in the same transaction as the change. */
  audit(entry: AuditEntry): void;
  services: Services;
}
