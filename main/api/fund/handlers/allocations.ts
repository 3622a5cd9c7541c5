import {
  allocationOf, estateAreaOf, feeSettingsOf, insertAllocation, listAllocations, saveFeeSettings, type AllocationRow,
} from '../../../../db/fund/allocations';
import type { AccountRow, AccountStanding } from '../../../../db/fund/accounts';
import type { Db } from '../../../../db/open';
import { addDays, addMonths } from '../../common/days';
import { DomainError, fieldError } from '../../common/errors';
import { formatFen } from '../../common/money';
import type { Handlers } from '../../router';
import { calendarDay } from '../../common/calendar';
import type { AllocationPreview, AllocationStatus, fundContract } from '../contract';
import { feeAllocation, formatArea } from '../split';
import { mustAccount, replayOf, requestHash } from './common';
import { postNewIncome } from './entries';

type C = typeof fundContract;

const lastDayOf = (month: string) => addDays(addMonths(`${month}-01`, 1), -1);

/** The entry's date: the month's last day, or today while the month is still running. */
const entryDate = (month: string, today: string) => (lastDayOf(month) < today ? lastDayOf(month) : today);

function preview(db: Db, account: AccountRow, month: string, today: string): AllocationPreview {
  const settings = feeSettingsOf(db, account.id) ?? null;
  const area = account.buildingId ? (settings?.areaHundredths ?? null) : estateAreaOf(db, account.estateId);
  const areaHundredths = area && area > 0 ? area : null;
  const missing: AllocationPreview['missing'] = [];
  if (!settings) missing.push('settings');
  if (!areaHundredths) missing.push('area');
  const figures = settings && areaHundredths ? feeAllocation({ ...settings, areaHundredths }) : null;
  return { month, building: account.buildingName, settings, areaHundredths, figures, onDate: entryDate(month, today), missing, existing: allocationOf(db, account.id, month) ?? null };
}

/**
 * The months ended without an allocation since the fee settings were first saved in the installation's calendar (or
 * since the opening, if later) — the home page's to-do. Null without fee settings: the account takes no allocations.
 */
export function allocationStatus(a: AccountRow, s: Pick<AccountStanding, 'feeSettingsSavedAt' | 'allocatedMonths'>, today: string, zone: string): AllocationStatus | null {
  const savedAt = s.feeSettingsSavedAt;
  if (!savedAt || a.status !== 'active') return null;
  const savedOn = calendarDay(Date.parse(savedAt), zone);
  const done = new Set(s.allocatedMonths);
  const missing: string[] = [];
  for (let m = (savedOn > a.openedOn ? savedOn : a.openedOn).slice(0, 7); m < today.slice(0, 7); m = addMonths(`${m}-01`, 1).slice(0, 7)) {
    if (!done.has(m)) missing.push(m);
  }
  return { missing };
}

const monthWords = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

export const allocationHandlers: Pick<Handlers<C>, 'fund.saveFeeSettings' | 'fund.previewAllocation' | 'fund.allocateFee' | 'fund.listAllocations'> = {
  'fund.saveFeeSettings': (input, ctx) => {
    const account = mustAccount(ctx.db, input.accountId);
    const before = feeSettingsOf(ctx.db, account.id);
    // A building's area is the account's own figure; an estate account's comes from its red-property profile.
    if (account.buildingId && !input.areaHundredths) throw fieldError('areaHundredths', `请填写${account.buildingName}的建筑面积`);
    const areaHundredths = account.buildingId ? input.areaHundredths : null;
    saveFeeSettings(ctx.db, { accountId: account.id, rateFen: input.rate, shareNum: input.shareNum, shareDen: input.shareDen, areaHundredths }, ctx.operator);
    const after = feeSettingsOf(ctx.db, account.id)!;
    const audited = (s: typeof after | undefined) =>
      s && { rate: formatFen(s.rateFen), share: `${s.shareNum}/${s.shareDen}`, ...(s.areaHundredths ? { area: formatArea(s.areaHundredths) } : {}) };
    ctx.audit({ action: 'fee_settings', entity: 'fund_account', entityId: account.id, before: audited(before), after: audited(after) });
    return after;
  },

  'fund.previewAllocation': ({ accountId, month }, ctx) => preview(ctx.db, mustAccount(ctx.db, accountId), month, ctx.today),

  /**
   * Posts the month's 物业费提取 as income, computed from the settings and the area (the estate's profile's, or a building account's own) as they stand. Once per
   * account and month: the same request again (its entry id) returns what it made; another request for a month
   * already allocated is refused (MONTH_ALLOCATED) — a wrong one is reversed (冲正) and the difference entered as income.
   */
  'fund.allocateFee': (input, ctx) => {
    const replayed = replayOf(ctx.db, input.id, requestHash(input));
    if (replayed) return allocationOf(ctx.db, replayed.accountId, input.month)!;
    const account = mustAccount(ctx.db, input.accountId);
    if (input.month > ctx.today.slice(0, 7)) throw fieldError('month', '不能提取还没到的月份');
    if (lastDayOf(input.month) < account.openedOn) throw fieldError('month', `账户 ${account.openedOn} 开户，不能提取之前月份的物业费`);
    const p = preview(ctx.db, account, input.month, ctx.today);
    if (p.existing) {
      throw new DomainError('CONFLICT', `${monthWords(input.month)}的物业费已于 ${p.existing.createdAt.slice(0, 10)} 提取（第 ${p.existing.seq} 笔，${formatFen(p.existing.amount)}），同一月份只能提取一次`, 'MONTH_ALLOCATED');
    }
    if (!p.settings) throw new DomainError('DOMAIN', '这个账户还没有设置物业费提取的费率和比例，请先设置', 'NO_FEE_SETTINGS');
    if (!p.areaHundredths || !p.figures) {
      throw account.buildingId
        ? new DomainError('DOMAIN', `还没有填写${account.buildingName}的建筑面积，请在“设置费率和比例”中填写`, 'NO_ESTATE_AREA')
        : new DomainError('DOMAIN', `${account.estateName}的物业档案没有建筑面积，请先在红色物业的小区档案中填写`, 'NO_ESTATE_AREA');
    }
    if (p.figures.amount <= 0) throw new DomainError('DOMAIN', '按当前费率和比例计算，本月提取金额为 0', 'NOTHING_TO_ALLOCATE');
    const { rateFen, shareNum, shareDen } = p.settings;
    const { entry } = postNewIncome(ctx, input, {
      onDate: p.onDate, direction: 'income', category: 'fee_allocation', amount: p.figures.amount, counterparty: null, voucherNo: null,
      purpose: `物业费提取 ${monthWords(input.month)}：${formatFen(rateFen)}/m² × ${formatArea(p.areaHundredths)} × ${shareNum}/${shareDen}`,
      elevatorIds: [], attachmentHashes: [], reversesId: null, overrideReason: null,
    });
    const row: Omit<AllocationRow, 'seq' | 'reversed' | 'createdAt' | 'operator'> = {
      entryId: entry.id, accountId: account.id, month: input.month, rateFen, areaHundredths: p.areaHundredths, shareNum, shareDen,
      feeFen: p.figures.feeFen, amount: p.figures.amount,
    };
    insertAllocation(ctx.db, row, ctx.operator);
    ctx.audit({ action: 'allocate_fee', entity: 'fund_entry', entityId: entry.id, after: { ...row, feeFen: formatFen(row.feeFen), amount: formatFen(row.amount) } });
    return allocationOf(ctx.db, account.id, input.month)!;
  },

  'fund.listAllocations': ({ accountId }, { db }) => listAllocations(db, accountId),
};
