import type { AccountRow } from '../../db/accounts/types';
import type { AuditEntry } from '../../db/audit';
import type { BackupInfo } from '../../db/backup';
import type { Db } from '../../db/open';
import type { Clock } from '../clock';
import type { DataKeys } from '../data-keys';
import type { Logger } from '../log';
import type { Sessions } from './sessions';

/** What the core offers handlers beyond the database (files, backups). */
export interface Services {
  dataDir: string;
  dbFile: string;
  backupDir: string;
  log: Logger;
  /** The core's clock (main/clock.ts); handlers use ctx.now / ctx.today, tasks that outlive a request this. */
  clock: Clock;
  /** Warnings about the data folder for the settings page (a network drive, a failed check or backup), in Chinese. */
  warnings(): string[];
  backupNow(): Promise<BackupInfo>;
  /** Removes the backups the installation's policy does not keep (db/backup.ts rotateBackups), each logged; returns them. */
  rotateBackups(): BackupInfo[];
  restore(backupName: string): Promise<{ keptAs: string }>;
  /** Who is signed in (main/api/sessions.ts): the core's memory, ended by a restart. */
  sessions: Sessions;
  /** The data key and its wraps (main/data-keys.ts): every password set or changed rewraps it. */
  keys: DataKeys;
}

export interface Ctx {
  db: Db;
  /** The request's instant (ISO-8601 UTC), from the core's clock: the same for every row the request writes. */
  now: string;
  /** The installation's calendar day at that instant (YYYY-MM-DD, in its time zone; default Asia/Shanghai). */
  today: string;
  /** The signed-in account's name, recorded on every change (`初始设置` before setup, `未登录` on a public channel). */
  operator: string;
  /** The signed-in account, and the session's token (null on a public channel without one). */
  account: AccountRow | null;
  session: string | null;
  /** Records an audit entry in the same transaction as the change, naming `operator`. */
  audit(entry: AuditEntry): void;
  /** The same, naming another account: a sign-in, where nobody is signed in yet. */
  auditAs(operator: string, entry: AuditEntry): void;
  /**
   * A write that must stand when this request is refused (write channels only): a refusal rolls the request's
   * transaction back, so the router runs `work` in a transaction of its own after that rollback — with its audit
   * entries — and then answers with the refusal. A wrong signing PIN is counted this way although the sign-off it
   * tried is not written. Discarded when the request succeeds.
   */
  recordRefusal(work: () => void): void;
  services: Services;
}
