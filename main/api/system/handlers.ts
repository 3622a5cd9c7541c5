import { adminWithoutPassword, countAccounts, insertAccount } from '../../../db/accounts/accounts';
import { auditOperators, listAudit } from '../../../db/audit';
import { BackupCheckError, listBackups } from '../../../db/backup';
import { sqliteDriver } from '../../../db/driver';
import { DatabaseTooNewError } from '../../../db/errors';
import { checkData, repairTotals } from '../../../db/integrity-registry';
import { currentVersion } from '../../../db/migrate';
import { RestoreRefusedError } from '../../../db/restore';
import { insertOrg, rootOrgs } from '../../../db/party/orgs';
import { insertPlace } from '../../../db/party/places';
import { getInstallation, setInstallation } from '../../../db/settings';
import { readSigningKey, signingKey } from '../../export/package/signing';
import { getProgress } from '../submission/progress';
import { dayStartInstant, DEFAULT_TIME_ZONE } from '../common/calendar';
import { addDays } from '../common/days';
import { DomainError } from '../common/errors';
import { modules } from '../modules';
import type { Services } from '../context';
import type { Handlers } from '../router';
import { accountHandlers, accountView, openSession } from './accounts';
import { backupHandlers } from './backups';
import { encryptionJobOf, type SystemStatus, type systemContract } from './contract';
import { auditModules } from './labels';
import { LOCK_MINUTES_DEFAULT } from './schemas';
// With its attribute: Node's ESM loader (tsx, Playwright's) refuses a JSON import without one; the bundles inline it.
import packageJson from '../../../package.json' with { type: 'json' };

/** The one version: package.json's, which electron-builder also writes into the installers and app.getVersion(). */
export const APP_VERSION: string = packageJson.version;

/** What the status says of the folder, whether or not the data file is open. */
const folderStatus = (services: Services) => ({
  encrypted: services.keys.encrypted(),
  dataDir: services.dataDir,
  dbFile: services.dbFile,
  backupDir: services.backupDir,
  appVersion: APP_VERSION,
  lastBackup: listBackups(services.backupDir)[0] ?? null,
  sqliteDriver: sqliteDriver(),
  warnings: services.warnings(),
  signingFingerprint: readSigningKey(services.dataDir)?.fingerprint ?? null,
});

const lockedScreen = (services: Services) => {
  const locked = services.sessions.lockedAccount();
  return locked ? { name: locked.name } : null;
};

/** The status of a sealed core (main/sealed.ts): an encrypted data file not opened since the start, or closed by the lock. */
export const sealedStatus = (services: Services): SystemStatus => ({
  ...folderStatus(services),
  installation: null,
  sealed: { unitName: services.keys.unitName() ?? '' },
  account: null,
  locked: lockedScreen(services),
  recoveryCode: null,
  firstPasswordFor: null,
  lockMinutes: LOCK_MINUTES_DEFAULT,
  schemaVersion: 0,
});

export const systemHandlers: Handlers<typeof systemContract> = {
  'system.getStatus': (_, { db, services, account }) => ({
    ...folderStatus(services),
    installation: getInstallation(db),
    sealed: null,
    account: account ? accountView(account) : null,
    locked: account ? null : lockedScreen(services),
    recoveryCode: account?.role === 'admin' ? services.keys.pendingRecoveryCode() : null,
    firstPasswordFor: adminWithoutPassword(db)?.name ?? null,
    lockMinutes: getInstallation(db)?.lockMinutes ?? LOCK_MINUTES_DEFAULT,
    schemaVersion: currentVersion(db),
  }),

  'system.getClock': (_, { db, now, today }) => ({ at: now, today, timeZone: getInstallation(db)?.timeZone ?? DEFAULT_TIME_ZONE }),

  /** First start: the unit whose registers this installation keeps, its root organisation, and its administrator. */
  'system.setup': (input, ctx) => {
    const { db } = ctx;
    if (getInstallation(db) || countAccounts(db) > 0) throw new DomainError('CONFLICT', '本机已完成初始设置', 'ALREADY_SET_UP');
    const { password, confirm: _, ...unit } = input;
    const operator = unit.operator;
    // A district keeps no party organisation of its own here: its registers are its streets' (consolidated).
    if (rootOrgs(db).length === 0 && unit.unitLevel !== 'district') {
      if (unit.unitLevel === 'street') {
        insertOrg(db, { parentId: null, level: 'street_committee', kind: '街道党工委', name: `${unit.unitName}党工委`, placeId: null, establishedOn: null }, null, operator);
      } else {
        const placeId = insertPlace(db, { kind: 'community', parentId: null, name: unit.unitName, code: unit.unitCode, unitCount: null, households: null, note: null }, operator);
        insertOrg(db, { parentId: null, level: 'community_committee', kind: '社区党委', name: `${unit.unitName}党委`, placeId, establishedOn: null }, null, operator);
      }
    }
    setInstallation(db, unit);
    const admin = insertAccount(db, { name: operator, role: 'admin', password }, operator);
    // The installation's package signing key, made once (the private key stays in the data folder).
    const key = signingKey(ctx.services.dataDir);
    ctx.auditAs(operator, { action: 'setup', entity: 'installation', after: { ...unit, signingKey: key.fingerprint } });
    ctx.auditAs(operator, { action: 'create', entity: 'account', entityId: admin.id, after: { name: admin.name, role: admin.role } });
    return { installation: unit, session: openSession(ctx, admin, 'sign_in') };
  },

  'system.setParentUnit': ({ parentName, parentCode }, { db, audit }) => {
    const before = getInstallation(db)!;
    const after = { ...before, parentName, parentCode };
    setInstallation(db, after);
    audit({ action: 'update', entity: 'installation', before, after });
    return after;
  },

  /** Which calendar day is "today" (deadlines, 不能晚于今天, the quarter): takes effect with the next request. */
  'system.setTimeZone': ({ timeZone }, { db, audit }) => {
    const before = getInstallation(db)!;
    const after = { ...before, timeZone };
    setInstallation(db, after);
    audit({ action: 'update', entity: 'installation', before, after });
    return after;
  },

  // The core answers this itself, beside the gate (main/core.ts); the same answer, for the contract's completeness.
  'system.getEncryptionProgress': (_, { services }) => getProgress(encryptionJobOf(services.dataDir)),
  'system.listBackups': (_, { services }) => listBackups(services.backupDir),
  'system.backupNow': async (_, { services }) => {
    try {
      return await services.backupNow();
    } catch (err) {
      // The live data failed the backup's integrity check: the clerk must learn it now, in words.
      if (err instanceof BackupCheckError) throw new DomainError('DOMAIN', err.message, 'DATA_DAMAGED');
      throw err;
    }
  },
  'system.restoreBackup': async ({ name }, { services }) => {
    try {
      return await services.restore(name);
    } catch (err) {
      if (err instanceof BackupCheckError || err instanceof DatabaseTooNewError) {
        throw new DomainError('DOMAIN', err.message, 'BACKUP_INVALID');
      }
      if (err instanceof RestoreRefusedError) throw new DomainError('DOMAIN', err.message, err.reason);
      throw err;
    }
  },
  // The clerk's days are the installation's: a day runs from its midnight there to the next one.
  'system.listAudit': ({ module, from, to, ...input }, { db }) => {
    const zone = getInstallation(db)?.timeZone ?? DEFAULT_TIME_ZONE;
    return listAudit(db, {
      ...input,
      entities: module ? auditModules[module].entities : null,
      fromAt: from ? dayStartInstant(from, zone) : null,
      toAt: to ? dayStartInstant(addDays(to, 1), zone) : null,
    });
  },
  'system.listAuditOperators': (_, { db }) => auditOperators(db),
  /** Each module's hits in the modules' order (people first: the party module is first), cut at `limit`. */
  'system.checkData': (_, { db }) => checkData(db),
  'system.repairTotals': (_, { db, audit }) => {
    const rebuilt = repairTotals(db).filter((r) => r.rebuilt > 0);
    if (rebuilt.length > 0) {
      audit({ action: 'repair_totals', entity: 'maintained_totals', after: Object.fromEntries(rebuilt.map((r) => [r.table, r.rebuilt])) });
    }
    return rebuilt;
  },
  ...accountHandlers,
  ...backupHandlers,
  'system.search': ({ q, limit }, { db }) => (q ? modules.flatMap((m) => m.search?.(db, q, limit) ?? []).slice(0, limit) : []),
};
