import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { addDays } from '../../main/api/common/days';
import { formatFen } from '../../main/api/common/money';
import { fundFixture } from './fund-fixture';

/**
 * LEDGER.md test 1: for random journals — income, expenses (both sign-offs), reversals, entries back-dated
 * before ones already posted, refusals of what would go negative — and random cuts a ≤ b:
 * opening(a) + income − expense over [a, b] = closing(b), each summed on its own; closing(b) = opening(b + 1);
 * and the balance equals a model kept beside it in integers.
 */

const OPENED = '2026-01-01';
const dayOf = (n: number) => addDays(OPENED, n);

const op = fc.oneof(
  fc.record({ kind: fc.constant('income' as const), fen: fc.integer({ min: 1, max: 300_000 }), day: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ kind: fc.constant('expense' as const), fen: fc.integer({ min: 1, max: 150_000 }), day: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat(), original: fc.boolean() }),
);

describe('conservation for any period', () => {
  it('holds for random entries, back-dated entries and random cuts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 340 }), fc.integer({ min: 0, max: 40 })), { minLength: 3, maxLength: 3 }), async (ops, cuts) => {
        const t = await fundFixture({ openingBalance: '1,000.00' });
        const posted: { id: string; effect: number; reversible: boolean }[] = [];
        for (const o of ops) {
          try {
            if (o.kind === 'income') posted.push({ ...(await t.income(formatFen(o.fen), dayOf(o.day))), reversible: true });
            else if (o.kind === 'expense') posted.push({ ...(await t.spend(formatFen(o.fen), dayOf(o.day))), reversible: true });
            else if (posted.some((p) => p.reversible)) {
              const candidates = posted.filter((p) => p.reversible);
              const original = candidates[o.pick % candidates.length]!;
              const reversal = await t.call('fund.reverseEntry', { id: newId(), entryId: original.id, reason: '测试冲正', onOriginalDate: o.original });
              original.reversible = false;
              posted.push({ ...reversal, reversible: false });
            }
          } catch (err) {
            // What would make a day (or the available balance) negative is refused, and nothing of it is posted.
            expect(['BALANCE_NEGATIVE', 'AVAILABLE_NEGATIVE']).toContain((err as { body?: { reason?: string } }).body?.reason);
          }
        }
        const model = 100_000 + posted.reduce((sum, p) => sum + p.effect, 0);
        expect((await t.call('fund.getAccount', { id: t.account.id })).account.balance).toBe(model);
        for (const [start, length] of cuts) {
          const [a, b] = [dayOf(start), dayOf(start + length)];
          const f = await t.figures(a, b);
          expect(f.opening + f.income - f.expense).toBe(f.closing);
          expect((await t.figures(addDays(b, 1))).opening).toBe(f.closing);
          expect(f.rows.every((r) => Number.isSafeInteger(r.runningBalance))).toBe(true);
        }
        expect((await t.figures()).closing).toBe(model);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
