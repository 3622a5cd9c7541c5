import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Envelope } from '../../main/api/common/errors';
import { DB_FILE_NAME } from '../../main/core';
import { tempDir, TEST_PASSWORD } from './helpers';
import { today, volunteerFixture } from './volunteer-fixture';

async function shop() {
  const f = await volunteerFixture();
  const a = await f.resident('许多');
  const b = await f.resident('韩梅');
  await f.award(a.id, 20);
  await f.award(b.id, 20);
  const last = await f.call('volunteer.createItem', { name: '电饭煲', price: 150, stock: 1, unit: '台' });
  const redeem = (volunteerId: string, itemId = last.id, quantity = 1) =>
    ({ person: { volunteerId }, itemId, quantity, onDate: today });
  return { ...f, a, b, last, redeem };
}

describe('the redemption shop', () => {
  it('takes the points and the stock together and shows the redemption in the ledger', async () => {
    const { call, attempt, a, balance, redeem } = await shop();
    const soap = await call('volunteer.createItem', { name: '香皂', price: 25, stock: 10, unit: '块' });
    const r = await call('volunteer.redeem', redeem(a.id, soap.id, 3));
    expect(r).toMatchObject({ balance: 125, stock: 7, entry: { amount: -75, category: 'redeem', sourceKind: 'redemption', sourceTitle: '香皂' } });
    expect(await balance(a.id)).toBe(125);
    // Not enough points: nothing happens, not even to the stock.
    const tooMuch = await attempt('volunteer.redeem', redeem(a.id, soap.id, 6));
    expect(tooMuch).toMatchObject({ ok: false, error: { reason: 'BALANCE_NEGATIVE' } });
    expect((await call('volunteer.listItems', {})).find((i) => i.id === soap.id)).toMatchObject({ stock: 7, redeemed: 3 });
    // More than the stock: refused beside the quantity.
    const tooMany = await attempt('volunteer.redeem', redeem(a.id, soap.id, 8));
    expect(tooMany).toMatchObject({ ok: false, error: { reason: 'OUT_OF_STOCK', fields: [{ path: 'quantity' }] } });
  });

  it('puts the item back when a redemption is reversed, and never lets stock go below zero', async () => {
    const { call, attempt, a, last, redeem, balance } = await shop();
    const r = await call('volunteer.redeem', redeem(a.id));
    expect(r.stock).toBe(0);
    await call('volunteer.reverseEntry', { entryId: r.entry.id, reason: '物品有质量问题，退回' });
    expect((await call('volunteer.listItems', {}))[0]).toMatchObject({ stock: 1, redeemed: 0 });
    expect(await balance(a.id)).toBe(200);
    expect(await attempt('volunteer.restock', { id: last.id, delta: -2 })).toMatchObject({ ok: false, error: { fields: [{ path: 'delta' }] } });
    expect((await call('volunteer.restock', { id: last.id, delta: 4, note: '爱心企业捐赠' })).stock).toBe(5);
  });

  it('gives the last item to exactly one of two redemptions sent at the same time', async () => {
    const { call, core, a, b, redeem, session } = await shop();
    const results = await Promise.all([core.dispatch('volunteer.redeem', redeem(a.id), session()), core.dispatch('volunteer.redeem', redeem(b.id), session())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { reason: 'OUT_OF_STOCK' } });
    expect((await call('volunteer.listItems', {}))[0]!.stock).toBe(0);
    expect((await call('volunteer.listEntries', { category: 'redeem' })).total).toBe(1);
  });

  it('gives the last item to exactly one of two separate connections racing for it', async () => {
    const { call, dir, a, b, redeem } = await shop();
    const barrier = new SharedArrayBuffer(4);
    // A data folder is locked to one core, so each racer gets a folder of its own whose data file is a link to
    // this one: two cores, two connections, one SQLite file (as another program beside StreetDesk would be).
    const linkedFolder = () => {
      const other = tempDir();
      fs.symlinkSync(path.join(dir, DB_FILE_NAME), path.join(other, DB_FILE_NAME));
      onTestFinished(() => fs.rmSync(other, { recursive: true, force: true }));
      return other;
    };
    const race = (input: unknown) =>
      new Promise<Envelope<unknown>>((resolve, reject) => {
        const w = new Worker(new URL('./volunteer-redeem-worker.ts', import.meta.url), {
          workerData: { dataDir: linkedFolder(), input, barrier, password: TEST_PASSWORD },
          execArgv: ['--import', 'tsx'],
        });
        w.once('message', resolve);
        w.once('error', reject);
      });
    const results = await Promise.all([race(redeem(a.id)), race(redeem(b.id))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok) as Extract<Envelope<unknown>, { ok: false }>;
    // The stock is the transaction's first statement (a write), so the loser waits for the winner's commit
    // (busy_timeout) and then finds the shelf empty, rather than failing on a stale read.
    expect(loser.error.reason).toBe('OUT_OF_STOCK');
    expect((await call('volunteer.listItems', {}))[0]!.stock).toBe(0);
    expect((await call('volunteer.listEntries', { category: 'redeem' })).total).toBe(1);
    expect((await call('volunteer.listRedemptions', {})).length).toBe(1);
  }, 30_000);
});
