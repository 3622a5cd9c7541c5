import fs from 'node:fs';
import path from 'node:path';
import { connect } from '../../db/driver';
import { describe, expect, it } from 'vitest';
import { DatabaseDamagedError, DatabaseTooNewError, DataFolderInUseError } from '../../db/errors';
import { createCore, DB_FILE_NAME } from '../../main/core';
import { CoreStoppedError, startCoreWorker } from '../../main/core-host/client';
import { sourceEntry } from '../../main/core-host/source-entry';
import { idNumber } from '../../scripts/lib/people';
import { workerCore } from './core-worker-fixture';
import { quietLog, setupInput, tempDir, testCore, today } from './helpers';
import { rootOrg } from '../orgs';

const turn = () => new Promise((r) => setImmediate(r));

describe('the core in a worker thread', () => {
  it('answers every channel as the core does, with the folder facts, and releases the folder when closed', async () => {
    const { core, dataDir, call } = await workerCore();
    expect(core.services).toMatchObject({ dataDir, dbFile: path.join(dataDir, DB_FILE_NAME), backupDir: path.join(dataDir, 'backups') });
    expect(await core.dispatch('system.getStatus', {})).toMatchObject({ ok: true, data: { installation: null, dataDir } });
    expect(await core.dispatch('party.listMembers', {})).toMatchObject({ ok: false, error: { code: 'NOT_SET_UP' } });
    expect(await core.dispatch('no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    await call('system.setup', setupInput('street'));
    // The worker's clock is the tests': the request's day is theirs, not the machine's.
    expect((await call('system.getClock', {})).today).toBe(today());

    await core.close();
    await expect(core.dispatch('system.getStatus', {})).rejects.toThrow('closed');
    // The database is closed and the lock released: this process can open the folder again.
    const again = await createCore({ dataDir, log: quietLog, autoBackup: false });
    again.close();
  });

  it('answers a request sent after a long monthly submission while the submission is still being built', async () => {
    const { call } = await workerCore();
    await call('system.setup', setupInput('community', '李娜', { code: '130104001001' }));
    const root = await rootOrg(call);
    const branch = await call('party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部' });
    for (let i = 0; i < 30; i++) {
      await call('party.createMember', {
        name: `党员${i}`, gender: 'male', idNumber: idNumber('130104', '1968-05-12', i + 1, 'male'),
        joinedOn: '1995-07-01', status: 'full', category: 'community', orgId: branch.id,
      });
    }
    const answered: string[] = [];
    const note = <T>(name: string, p: Promise<T>) => p.then((v) => (answered.push(name), v));
    const period = today().slice(0, 7);
    const building = note('buildMonthly', call('submission.buildMonthly', { level: 'community', period, modules: ['party'], jobId: 'job-worker-order' }));
    const status = note('getStatus', call('system.getStatus', {}));
    const members = note('listMembers', call('party.listMembers', {}));
    const progress = note('getProgress', call('submission.getProgress', { jobId: 'job-worker-order' }));
    const [out, , list, p] = await Promise.all([building, status, members, progress]);

    // Sent after the submission, answered before it: the worker takes each request as it comes.
    expect(answered.at(-1)).toBe('buildMonthly');
    expect(list.total).toBe(30);
    expect(p).toMatchObject({ done: false }); // asked mid-way, the build reported itself under way
    expect(out.workbook!.contentBase64.length).toBeGreaterThan(1000);
    expect(out.rowCounts['party.members']).toBe(30);
  });

  it("keeps this thread's event loop turning while the worker holds a long write transaction", async () => {
    const { core, call } = await workerCore();
    await call('system.setup', setupInput('street'));
    const root = await rootOrg(call);
    const place = await call('party.createPlace', { kind: 'community', name: '西里社区' });
    const unit = '西里社区党委';
    await call('party.createOrg', { parentId: root.id, level: 'community_committee', kind: '社区党委', name: unit, placeId: place.id });
    const born = (i: number) => new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString().slice(0, 10); // one person a day
    const lines = ['姓名,身份证号码,联系电话,所属社区', ...Array.from({ length: 3000 }, (_, i) => `居民${i},${idNumber('130104', born(i), 1, 'female')},13912345678,${unit}`)];
    const file = { fileName: '志愿者.csv', contentBase64: Buffer.from(`${lines.join('\r\n')}\r\n`).toString('base64') };
    const a = await call('import.analyse', { register: 'volunteer.people', file });

    // Each turn of this thread asks the data file whether a writer holds it (a write lock, taken without waiting):
    // turns that find it held are turns that ran while the worker was inside its write transaction.
    const probe = connect(core.services.dbFile, { timeout: 0 });
    let turnsDuringWrite = 0;
    let done = false;
    const commit = call('import.commit', { register: 'volunteer.people', file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping });
    const stop = () => (done = true);
    void commit.then(stop, stop);
    while (!done) {
      try {
        probe.exec('BEGIN IMMEDIATE');
        probe.exec('ROLLBACK');
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
        turnsDuringWrite++;
      }
      await turn();
    }
    probe.close();
    expect((await commit).created).toBe(3000);
    expect(turnsDuringWrite).toBeGreaterThan(0);
  });
});

describe('a worker that dies', () => {
  it('fails the requests in flight and the later ones, and says so once', async () => {
    const deaths: Error[] = [];
    const core = await startCoreWorker({
      dataDir: '/nowhere', clock: { kind: 'system' }, log: quietLog, quiet: true, onExit: (err) => deaths.push(err),
      entry: { ...sourceEntry(), file: new URL('./core-worker-dies.ts', import.meta.url) },
    });
    await expect(core.dispatch('system.getStatus', {})).rejects.toThrow('exit code 3');
    await expect(core.dispatch('system.getStatus', {})).rejects.toThrow('exit code 3');
    expect(deaths).toHaveLength(1);
    expect(deaths[0]).toBeInstanceOf(CoreStoppedError);
    expect(deaths[0]).toMatchObject({ exitCode: 3 });
    await core.close(); // nothing left to close; does not hang
  });
});

describe('a core that cannot start in its worker', () => {
  it('refuses a folder another core has open, with the same error class and message', async () => {
    const { core, dir } = await testCore({ setUp: false });
    const err = await workerCore({ dataDir: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataFolderInUseError);
    expect((err as DataFolderInUseError).message).toContain(`数据文件夹 ${dir} 正在被另一个 StreetDesk`);
    expect((err as DataFolderInUseError).dataDir).toBe(dir);
    expect(await core.dispatch('system.getStatus', {})).toMatchObject({ ok: true }); // the holder is untouched
  });

  it('refuses a data file from a newer StreetDesk', async () => {
    const dataDir = tempDir();
    (await createCore({ dataDir, log: quietLog, autoBackup: false })).close();
    const db = connect(path.join(dataDir, DB_FILE_NAME));
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(9999, 'future', '2030-01-01T00:00:00Z');
    db.close();
    const err = await workerCore({ dataDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseTooNewError);
    expect(err).toMatchObject({ fileVersion: 9999, message: expect.stringContaining('更新版本') });
    expect((err as Error).stack).toContain('DatabaseTooNewError'); // the worker's stack, for the log
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a damaged data file, naming it', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, DB_FILE_NAME), 'not a database, but long enough to look like one'.repeat(100));
    const err = await workerCore({ dataDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseDamagedError);
    expect((err as DatabaseDamagedError).file).toBe(path.join(dataDir, DB_FILE_NAME));
    expect((err as Error).message).toContain('已损坏');
    // Refused, the folder is free again: the worker released its lock.
    fs.rmSync(path.join(dataDir, DB_FILE_NAME));
    (await createCore({ dataDir, log: quietLog, autoBackup: false })).close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
