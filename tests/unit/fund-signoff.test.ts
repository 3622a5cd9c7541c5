import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quietLog } from './helpers';
import { COMMITTEE_PIN, COMPANY_PIN, fundFixture } from './fund-fixture';

describe('two sign-offs on an expense', () => {
  it('refuses to post with one sign-off, with its own reason, changing nothing', async () => {
    const { call, draft, company, figures, account } = await fundFixture();
    const d = await draft('800.00', '2026-04-01');
    await call('fund.signOff', { entryId: d.entry.id, signatoryId: company.id, pin: COMPANY_PIN });
    const before = await call('fund.getEntry', { id: d.entry.id });
    const refused = await call('fund.postExpense', { entryId: d.entry.id }).catch((err) => err.body);
    expect(refused).toMatchObject({ code: 'DOMAIN', reason: 'SIGNOFF_MISSING', message: expect.stringContaining('业主委员会') });
    expect(await call('fund.getEntry', { id: d.entry.id })).toEqual(before);
    expect((await figures()).total).toBe(0);
    expect((await call('fund.getAccount', { id: account.id })).account).toMatchObject({ balance: 1_000_000, available: 920_000 });
  });

  it('records the hash of the draft approved: an edit after a sign-off voids it', async () => {
    const { call, draft, company, committee } = await fundFixture();
    const d = await draft('800.00', '2026-04-01');
    const signed = await call('fund.signOff', { entryId: d.entry.id, signatoryId: company.id, pin: COMPANY_PIN });
    expect(signed.signoffs).toMatchObject([{ side: 'company', signerName: '刘经理', valid: true, draftHash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    const edited = await call('fund.updateDraft', { ...d.entry, amount: '8,000.00' });
    expect(edited.signoffs).toMatchObject([{ side: 'company', valid: false }]);
    await call('fund.signOff', { entryId: d.entry.id, signatoryId: committee.id, pin: COMMITTEE_PIN });
    expect(await call('fund.postExpense', { entryId: d.entry.id }).catch((err) => err.body)).toMatchObject({ reason: 'SIGNOFF_MISSING' });
    // Signed again for the content as it now stands: posted, with the two sign-offs that approved it.
    await call('fund.signOff', { entryId: d.entry.id, signatoryId: company.id, pin: COMPANY_PIN });
    const posted = await call('fund.postExpense', { entryId: d.entry.id });
    expect(posted.entry).toMatchObject({ status: 'posted', amount: 800_000 });
    expect(posted.signoffs.filter((s) => s.valid).map((s) => s.side).sort()).toEqual(['committee', 'company']);
    expect(await call('fund.postExpense', { entryId: d.entry.id })).toEqual(posted);
    const audit = await call('system.listAudit', { entity: 'fund_entry', entityId: d.entry.id, limit: 50 });
    expect(audit.rows.find((r) => r.action === 'update_draft')?.after).toContain('刘经理（物业）');
  });

  it('an unchanged save keeps the sign-offs', async () => {
    const { call, draft, company } = await fundFixture();
    const d = await draft('800.00', '2026-04-01');
    await call('fund.signOff', { entryId: d.entry.id, signatoryId: company.id, pin: COMPANY_PIN });
    const saved = await call('fund.updateDraft', { ...d.entry, amount: '800' });
    expect(saved.signoffs).toMatchObject([{ valid: true }]);
  });

  it('refuses the same person on both sides, at registration and at signing', async () => {
    const { call, attempt, account, draft, rawDb } = await fundFixture();
    expect(await attempt('fund.addSignatory', { accountId: account.id, side: 'committee', name: '刘 经理' }))
      .toMatchObject({ ok: false, error: { reason: 'SIGNER_ON_BOTH_SIDES', fields: [{ path: 'name' }] } });
    // Registered on both sides behind the app's back (the namesake check is the app's), the signing still refuses.
    const twin = await call('fund.addSignatory', { accountId: account.id, side: 'committee', name: '刘经理二' });
    rawDb().prepare("UPDATE fund_signatories SET name = '刘经理', person_key = '刘经理' WHERE id = ?").run(twin.id);
    await call('fund.setSignatoryPin', { signatoryId: twin.id, pin: '112233' });
    const d = await draft('50.00', '2026-04-01');
    await call('fund.signOff', { entryId: d.entry.id, signatoryId: (await call('fund.getAccount', { id: account.id })).signatories.find((s) => s.side === 'company')!.id, pin: COMPANY_PIN });
    expect(await attempt('fund.signOff', { entryId: d.entry.id, signatoryId: twin.id, pin: '112233' }))
      .toMatchObject({ ok: false, error: { reason: 'SAME_PERSON_BOTH_SIDES' } });
  });

  it('refuses a wrong PIN, and keeps no PIN in clear in the file, the audit log or the log', async () => {
    const { call, attempt, draft, company, committee, dir, signer } = await fundFixture();
    const d = await draft('50.00', '2026-04-01');
    expect(await attempt('fund.signOff', { entryId: d.entry.id, signatoryId: company.id, pin: COMMITTEE_PIN }))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'WRONG_PIN', fields: [{ path: 'pin' }] } });
    expect(await attempt('fund.signOff', { entryId: d.entry.id, signatoryId: company.id, pin: '12345' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'pin', message: '签字密码应为 6 位数字' }] } });
    expect((await call('fund.getEntry', { id: d.entry.id })).signoffs).toEqual([]);
    // Nobody sets a PIN for a signer who has one: changing it needs the current PIN.
    expect(await attempt('fund.setSignatoryPin', { signatoryId: committee.id, pin: '000000' }))
      .toMatchObject({ ok: false, error: { reason: 'WRONG_PIN' } });
    await call('fund.setSignatoryPin', { signatoryId: committee.id, pin: '975310', currentPin: COMMITTEE_PIN });
    const late = await signer('committee', '周委员', '531642');
    expect(late.pinSet).toBe(true);
    const audit = await call('system.listAudit', { limit: 500 });
    const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => path.join(f.parentPath, f.name));
    const everything = [JSON.stringify(audit.rows), quietLog.errors.join('\n'), ...files.map((f) => fs.readFileSync(f).toString('latin1'))].join('\n');
    for (const pin of [COMPANY_PIN, COMMITTEE_PIN, '975310', '531642']) expect(everything.includes(pin), pin).toBe(false);
  });
});
