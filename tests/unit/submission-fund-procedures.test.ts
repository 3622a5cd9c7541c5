import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { COMMITTEE_PIN, COMPANY_PIN } from './fund-fixture';
import { communityInstall, packageOf, rewritePackage, streetInstall, thisMonth } from './submission-fixture';

type Rec = Record<string, unknown>;
const UNIT = '130104001001';

/** The month before this one, its first and last days (the tests' clock). */
function lastMonth() {
  const [y, m] = thisMonth().split('-').map(Number) as [number, number];
  const month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).getUTCDate();
  return { month, first: `${month}-01`, last: `${month}-${days}` };
}

/**
 * A community whose fund account opened last month with ¥10,000.00, took ¥5,000.00 in and has a use application
 * voted on; last month is reconciled with the bank (¥15,012.34 on the statement: ¥12.34 interest the journal does not
 * have yet) and confirmed by both sides in person.
 */
async function community() {
  const t = await communityInstall();
  const { call } = t;
  const { month, first, last } = lastMonth();
  const place = (await call('party.listPlaces', {})).find((p) => p.kind === 'estate')!;
  const account = await call('fund.openAccount', { estateId: place.id, openingBalance: '10,000.00', openedOn: first });
  const signer = async (side: 'company' | 'committee', name: string, pin: string) => {
    const s = await call('fund.addSignatory', { accountId: account.id, side, name });
    return call('fund.setSignatoryPin', { signatoryId: s.id, pin });
  };
  const company = await signer('company', '刘经理', COMPANY_PIN);
  const committee = await signer('committee', '陈主任', COMMITTEE_PIN);
  await call('fund.postIncome', { id: newId(), accountId: account.id, onDate: first, amount: '5,000.00', purpose: '物业费提取', category: 'fee_allocation' });
  const application = await call('fund.createApplication', {
    accountId: account.id, title: '3号楼1单元电梯大修', works: '更换曳引机、控制柜和层门', budget: '150,000.00', rule: 'use', totalHouseholds: 300, totalArea: 3_000_000,
  });
  await call('fund.recordVote', {
    applicationId: application.application.id, votedHouseholds: 210, votedArea: 2_100_000, agreedHouseholds: 160, agreedArea: 1_500_000, voteClosedOn: last,
  });
  const saved = await call('fund.saveReconciliation', {
    id: newId(), accountId: account.id, month, bankBalance: '15,012.34', ledgerItems: [], bankItems: [{ onDate: last, direction: 'income', amount: '12.34', note: '结息' }],
  });
  const reconciliationId = saved.saved!.reconciliation.id;
  await call('fund.confirmReconciliation', { reconciliationId, signatoryId: company.id, pin: COMPANY_PIN });
  await call('fund.confirmReconciliation', { reconciliationId, signatoryId: committee.id, pin: COMMITTEE_PIN });
  return { ...t, month, application: application.application, reconciliationId };
}

const fieldsOf = (view: { fields: { key: string; value: unknown; display: string }[] }) => Object.fromEntries(view.fields.map((f) => [f.key, f.display]));

describe("a community's maintenance-fund applications and bank reconciliations consolidated at the street", () => {
  it('travel in the monthly package, are read back at the street as the community has them, and stay read-only there', async () => {
    const c = await community();
    const street = await streetInstall();
    const pkg = await packageOf(c, thisMonth(), ['fund']);
    const preview = await street.call('submission.inspectPackage', pkg);
    expect(preview.refusal).toBeNull();
    expect(preview.checks).toContain('电梯维保基金银行对账的校验码逐月重算一致，调节后余额与未达账项相符，已确认的月份账平且有双方确认');
    expect(preview.checks.at(-1)).toBe('电梯维保基金流水的校验链逐笔重算一致，且延续此前导入的记录');
    expect(Object.fromEntries(preview.manifest!.tables.map((t) => [t.name, t.rows]))).toMatchObject({
      'fund.accounts': 1, 'fund.entries': 1, 'fund.applications': 1, 'fund.reconciliations': 1,
    });
    await street.call('submission.importPackage', pkg);

    const [application] = (await street.call('submission.listRecords', { unitCode: UNIT, table: 'fund.applications', limit: 10 })).rows;
    expect(application!.recordId).toBe(c.application.id);
    expect(fieldsOf(application!)).toMatchObject({
      title: '3号楼1单元电梯大修', status: '拟定方案', rule: '使用维修资金（双过半）', budget: '15000000', votedHouseholds: '210', agreedArea: '1500000',
      accountId: expect.stringContaining('电梯维保基金'), community: '西里社区', paid: '0',
    });
    const [reconciliation] = (await street.call('submission.listRecords', { unitCode: UNIT, table: 'fund.reconciliations', limit: 10 })).rows;
    expect(reconciliation!.recordId).toBe(c.reconciliationId);
    const r = fieldsOf(reconciliation!);
    expect(r).toMatchObject({
      month: c.month, status: '已确认', bankBalance: '1501234', ledgerBalance: '1500000', bankOnlyIncome: '1234', adjustedLedger: '1501234',
      adjustedBank: '1501234', difference: '0', companySignerName: '刘经理', committeeSignerName: '陈主任',
    });
    expect(JSON.parse(r.bankItems!)).toEqual([{ onDate: expect.any(String), direction: 'income', amount: 1234, note: '结息' }]);
    for (const view of [application!, reconciliation!]) expect(view.fields.every((f) => !f.editable)).toBe(true);
  });

  it('refuses a package whose confirmed reconciliation was changed, even with every checksum redone, and writes nothing', async () => {
    const c = await community();
    const street = await streetInstall();
    const pkg = await packageOf(c, thisMonth(), ['fund']);
    const forge = (edit: (r: Rec) => void) => ({
      ...pkg,
      contentBase64: rewritePackage(pkg.contentBase64, (files) => {
        const table = JSON.parse(strFromU8(files['tables/fund.reconciliations.json']!)) as { units: Record<string, Rec[]> };
        edit(Object.values(table.units)[0]![0]!);
        files['tables/fund.reconciliations.json'] = strToU8(JSON.stringify(table));
      }, c.dir),
    });
    const statementMoved = forge((r) => { r.bankBalance = 1_601_234; r.adjustedBank = 1_601_234; r.difference = -100_000; });
    expect((await street.call('submission.inspectPackage', statementMoved)).refusal?.message).toContain('的内容与其校验码不符');
    const unsigned = forge((r) => { r.committeeSignerName = null; r.committeeSignedAt = null; });
    expect((await street.call('submission.inspectPackage', unsigned)).refusal?.message).toContain('缺少一方的确认');
    expect(await street.attempt('submission.importPackage', unsigned)).toMatchObject({ ok: false });
    expect((await street.call('submission.listRecords', { unitCode: UNIT, table: 'fund.reconciliations', limit: 10 })).total).toBe(0);
  });
});
