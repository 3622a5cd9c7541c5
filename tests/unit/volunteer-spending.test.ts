import { describe, expect, it } from 'vitest';
import { thisYear, today, volunteerFixture } from './volunteer-fixture';

/** Spending is checked against the points ledger itself: the totals beside it are a cache anyone can edit. */
describe('spending checks the ledger, not the cache', () => {
  it('refuses a redemption beyond the real balance when points_totals was inflated', async () => {
    const { call, attempt, db: connect, resident, award, balance } = await volunteerFixture();
    const a = await resident('吴芳');
    await award(a.id, 147);
    const item = await call('volunteer.createItem', { name: '大米', price: 500, stock: 30, unit: '袋' });
    connect().prepare('UPDATE points_totals SET contribution = contribution + 500000, earned = earned + 500000 WHERE volunteer_id = ?').run(a.id);
    expect(await balance(a.id)).toBe(501470); // what the cache shows…
    const refused = await attempt('volunteer.redeem', { person: { volunteerId: a.id }, itemId: item.id, quantity: 20, onDate: today });
    expect(refused).toMatchObject({ ok: false, error: { reason: 'BALANCE_NEGATIVE' } }); // …is not what may be spent
    expect((await call('volunteer.listItems', { includeRetired: false }))[0]).toMatchObject({ stock: 30, redeemed: 0 });
    expect((await call('volunteer.listEntries', { volunteerId: a.id })).total).toBe(1);
    // Within the real balance it goes through.
    await call('volunteer.redeem', { person: { volunteerId: a.id }, itemId: item.id, quantity: 2, onDate: today });
  });

  it('sums one person\'s entries through the person index', async () => {
    const { db: connect } = await volunteerFixture();
    const plan = connect()
      .prepare("EXPLAIN QUERY PLAN SELECT SUM(amount) FROM points_entries INDEXED BY points_entries_person WHERE volunteer_id = ? AND year = ?")
      .all('x', thisYear) as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/SEARCH points_entries USING INDEX points_entries_person \(volunteer_id=\?\)/);
  });
});
