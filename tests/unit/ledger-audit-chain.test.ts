import path from 'node:path';
import { onTestFinished, describe, expect, it } from 'vitest';
import { AUDIT_CHAIN } from '../../db/audit';
import { chainHash, genesisHash } from '../../db/ledger/canonical';
import { fieldsOf } from '../../db/ledger/chain';
import { verifyChain } from '../../db/ledger/verify';
import { openFile, type Db } from '../../db/open';
import { DB_FILE_NAME } from '../../main/core';
import { testCore } from './helpers';

/**
 * The audit log as an attacker with the file would change it: lifting the triggers first (as anyone with a
 * database tool can), then editing, deleting, inserting or moving rows. verifyChain must name the first broken
 * entry and what happened to it.
 */

type Row = Record<string, unknown> & { seq: number; hash: string };

/** Six audit entries (setup, its administrator's account and sign-in, three time-zone changes), and a second connection. */
async function auditLog() {
  const { call, dir } = await testCore();
  for (const timeZone of ['Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Shanghai']) await call('system.setTimeZone', { timeZone });
  const db = openFile(path.join(dir, DB_FILE_NAME));
  onTestFinished(() => {
    db.close();
  });
  const row = (seq: number) => db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as Row;
  return { db, call, row, verify: (witnessed = [] as { seq: number; hash: string }[]) => verifyChain(db, AUDIT_CHAIN, { witnessed }) };
}

const liftTriggers = (db: Db) =>
  db.exec(['no_update', 'no_delete', 'chain_next', 'chain_head'].map((t) => `DROP TRIGGER audit_log_${t};`).join(' '));

/** Recomputes every hash and the recorded head, as a careful attacker would: the chain holds together again. */
function recomputeChain(db: Db) {
  let previous = genesisHash('audit');
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[]) {
    previous = chainHash(previous, fieldsOf(AUDIT_CHAIN, r));
    db.prepare('UPDATE audit_log SET hash = ? WHERE seq = ?').run(previous, r.seq);
  }
  db.prepare("UPDATE ledger_heads SET hash = ?, seq = (SELECT MAX(seq) FROM audit_log) WHERE chain = 'audit'").run(previous);
}

describe('the audit log as a ledger', () => {
  it('refuses UPDATE and DELETE, and an insert that skips the chain', async () => {
    const { db, verify } = await auditLog();
    expect(() => db.prepare("UPDATE audit_log SET operator = '某人'").run()).toThrow(/操作记录只能追加/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/操作记录只能追加/);
    expect(() =>
      db.prepare("INSERT INTO audit_log (id, at, operator, action, entity, seq, hash) VALUES ('x', '2025-01-01', '某人', 'update', 'installation', 99, 'x')").run(),
    ).toThrow(/按顺序追加/);
    expect(verify()).toMatchObject({ entries: 6, break: null, complete: true, head: { seq: 6 } });
  });

  it('finds an edited entry: changed, at its seq', async () => {
    const { db, verify } = await auditLog();
    liftTriggers(db);
    db.prepare(`UPDATE audit_log SET after = '{"operator":"王芳"}' WHERE seq = 3`).run();
    expect(verify().break).toEqual({ seq: 3, kind: 'changed' });
  });

  it('finds a deleted entry: missing, in the middle or at the end', async () => {
    const { db, verify } = await auditLog();
    liftTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE seq = 6').run();
    expect(verify().break).toEqual({ seq: 6, kind: 'missing' });
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verify().break).toEqual({ seq: 2, kind: 'missing' });
  });

  it('finds an inserted entry: at the end, or in the middle with the later ones renumbered', async () => {
    const { db, row, verify } = await auditLog();
    liftTriggers(db);
    const forged = { ...row(6), id: 'FORGED', operator: '某人', seq: 7, hash: 'f'.repeat(64) };
    const insert = (r: Row) =>
      db.prepare('INSERT INTO audit_log (id, at, operator, action, entity, entity_id, before, after, seq, hash) VALUES (@id, @at, @operator, @action, @entity, @entity_id, @before, @after, @seq, @hash)').run(r);
    insert(forged);
    expect(verify().break).toEqual({ seq: 7, kind: 'inserted' });
    db.prepare("DELETE FROM audit_log WHERE id = 'FORGED'").run();

    // In the middle, hashed correctly from its predecessor: only its successor's link shows it.
    db.exec('UPDATE audit_log SET seq = -seq WHERE seq >= 3; UPDATE audit_log SET seq = 1 - seq WHERE seq < 0;');
    const middle = { ...row(2), id: 'FORGED', seq: 3, hash: '' };
    middle.hash = chainHash(row(2).hash, fieldsOf(AUDIT_CHAIN, middle));
    insert(middle);
    db.prepare("UPDATE ledger_heads SET seq = 7 WHERE chain = 'audit'").run();
    expect(verify().break).toEqual({ seq: 3, kind: 'inserted' });
  });

  it('finds entries moved out of order: reordered', async () => {
    const { db, verify } = await auditLog();
    liftTriggers(db);
    db.exec('UPDATE audit_log SET seq = 100 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = 5; UPDATE audit_log SET seq = 5 WHERE seq = 100;');
    expect(verify().break).toEqual({ seq: 4, kind: 'reordered' });
  });

  it('catches a consistently recomputed chain only by a head recorded earlier', async () => {
    const { db, row, verify } = await auditLog();
    const printed = { seq: 4, hash: row(4).hash }; // e.g. on a statement handed out
    expect(verify([printed]).break).toBeNull();
    liftTriggers(db);
    db.prepare(`UPDATE audit_log SET operator = '某人' WHERE seq = 2`).run();
    recomputeChain(db);
    expect(verify().break).toBeNull();
    expect(verify([printed]).break).toEqual({ seq: 4, kind: 'head-mismatch' });
    // A head beyond the chain's end (entries removed, chain recomputed) is a mismatch too.
    expect(verify([{ seq: 9, hash: 'a'.repeat(64) }]).break).toEqual({ seq: 9, kind: 'head-mismatch' });
  });
});
