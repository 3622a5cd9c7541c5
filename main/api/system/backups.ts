import { backupFolder, backupsToRemove, listBackups, type BackupInfo } from '../../../db/backup';
import { getBackupPolicy, setBackupPolicy } from '../../../db/settings';
import type { Handlers } from '../router';
import type { BackupsRemoved, systemContract } from './contract';

type BackupChannels = Pick<typeof systemContract, 'system.getBackupSettings' | 'system.previewBackupPolicy' | 'system.setBackupPolicy'>;

const summary = (removed: BackupInfo[]): BackupsRemoved => ({
  count: removed.length,
  bytes: removed.reduce((sum, b) => sum + b.bytes, 0),
  names: removed.map((b) => b.name),
});

/** 设置 → 备份: the folder, and how many backups it keeps (db/backup.ts rotateBackups applies it after every backup). */
export const backupHandlers: Handlers<BackupChannels> = {
  'system.getBackupSettings': (_, { db, services }) => ({ policy: getBackupPolicy(db), folder: backupFolder(services.backupDir) }),
  'system.previewBackupPolicy': (policy, { services }) => summary(backupsToRemove(listBackups(services.backupDir), policy)),
  'system.setBackupPolicy': (after, { db, audit, services }) => {
    const before = getBackupPolicy(db);
    setBackupPolicy(db, after);
    audit({ action: 'update', entity: 'backup_policy', before, after });
    // Applied now, not at the next backup: the clerk who lowered the limit to free the disk sees it freed.
    return { policy: after, removed: summary(services.rotateBackups()) };
  },
};
