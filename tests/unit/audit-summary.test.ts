import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { auditSummary, type AuditRow } from '../../renderer/src/system/audit/auditText';
import { fundFixture } from './fund-fixture';
import { earlierThisYear, thisYear, volunteerFixture } from './volunteer-fixture';

type Listed = { call: (channel: 'system.listAudit', input: { limit: number }) => Promise<{ rows: AuditRow[] }> };
/** The 内容 column of the audit page for the newest entry of that action. */
async function summaryOf(t: Listed, action: string, entity: string): Promise<string> {
  const row = (await t.call('system.listAudit', { limit: 500 })).rows.find((r) => r.action === action && r.entity === entity);
  expect(row, `${entity}:${action}`).toBeDefined();
  return auditSummary(row!);
}

describe('the audit page says what an export or a reversal was about (内容)', () => {
  it('names the register exported and the person or activity whose points were reversed, with the reason', async () => {
    const t = await volunteerFixture();
    const a = await t.resident('郑伟');
    const gift = await t.award(a.id, 7);
    await t.call('volunteer.reverseEntry', { entryId: gift.id, reason: '重复登记' });
    expect(await summaryOf(t, 'reverse', 'points_entry')).toBe('郑伟 -7 · 原因：重复登记');

    const act = await t.activity(earlierThisYear, { [a.id]: 2 }, '清理楼道堆物');
    await t.call('volunteer.applyActivity', { activityId: act.id });
    await t.call('volunteer.reverseActivity', { activityId: act.id, reason: '工时登记有误' });
    expect(await summaryOf(t, 'reverse_points', 'volunteer_activity')).toBe('清理楼道堆物 · 原因：工时登记有误');

    await t.call('submission.exportRegister', { register: 'volunteer.people', level: 'street', period: `${thisYear}-01`, unmasked: false, reason: null });
    expect(await summaryOf(t, 'export', 'submission')).toContain('志愿者');
  });

  it('names the fund entry a reversal cancelled by its purpose and amount', async () => {
    const t = await fundFixture();
    const paid = await t.income('1,200.00', '2026-02-01', { purpose: '2月物业费提取' });
    await t.call('fund.reverseEntry', { id: newId(), entryId: paid.id, reason: '金额填错' });
    const summary = await summaryOf(t, 'reverse', 'fund_entry');
    expect(summary).toContain('2月物业费提取');
    expect(summary).toContain('1,200.00');
    expect(summary).toContain('原因：金额填错');
  });
});
