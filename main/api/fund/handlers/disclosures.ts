import { getAccount, type AccountRow } from '../../../../db/fund/accounts';
import { witnessedFundChain } from '../../../../db/fund/chain';
import { disclosedThrough, getDisclosure, insertDisclosure, listDisclosures } from '../../../../db/fund/disclosures';
import { statementOf } from '../../../../db/fund/statement';
import { recordedHead } from '../../../../db/ledger/chain';
import { verifyChain } from '../../../../db/ledger/verify';
import { pdfOut } from '../../../export/file-out';
import type { Db } from '../../../../db/open';
import { getInstallation, getSetting, setSetting } from '../../../../db/settings';
import { DEFAULT_TIME_ZONE } from '../../common/calendar';
import { addDays, addMonths } from '../../common/days';
import { DomainError, fieldError } from '../../common/errors';
import { formatFen } from '../../common/money';
import type { Handlers } from '../../router';
import type { DisclosureStatus, fundContract, StatementView } from '../contract';
import { DEFAULT_FUND_SETTINGS, type FundSettings } from '../rules';
import { FundSettingsInput } from '../schemas';
import { renderStatement, STATEMENT_TITLE } from '../statement-pdf';

type C = typeof fundContract;

const SETTINGS_KEY = 'fund.settings';

export function fundSettings(db: Db): FundSettings {
  const raw = getSetting(db, SETTINGS_KEY);
  const parsed = raw ? FundSettingsInput.safeParse(JSON.parse(raw)) : null;
  return parsed?.success ? parsed.data : DEFAULT_FUND_SETTINGS;
}

/**
 * Whether an account is due a disclosure: the journal from the day after the last disclosed period (`through`, or
 * from the opening) has gone undisclosed longer than the setting once today is past `dueBy`.
 */
export function disclosureStatus(a: AccountRow, through: string | null, today: string, settings: FundSettings): DisclosureStatus {
  const dueBy = addMonths(through ? addDays(through, 1) : a.openedOn, settings.disclosureIntervalMonths);
  return { through, dueBy, overdue: a.status === 'active' && today > dueBy };
}

function mustExist(db: Db, accountId: string): AccountRow {
  const a = getAccount(db, accountId);
  if (!a) throw fieldError('accountId', '基金账户不存在');
  return a;
}

function statementView(db: Db, a: AccountRow, from: string, to: string): StatementView {
  if (from < a.openedOn) throw fieldError('from', `开始日期不能早于开户日期 ${a.openedOn}`);
  return { ...statementOf(db, a.id, from, to), head: recordedHead(db, witnessedFundChain(db, a.id, a.name))!, disclosedThrough: disclosedThrough(db, a.id) };
}

export const disclosureHandlers: Pick<
  Handlers<C>,
  'fund.getStatement' | 'fund.makeDisclosure' | 'fund.listDisclosures' | 'fund.getSettings' | 'fund.updateSettings'
> = {
  'fund.getStatement': ({ accountId, from, to }, { db }) => statementView(db, mustExist(db, accountId), from, to),

  /**
   * 公示: verifies the account's chain (a statement of a broken journal is refused), renders the statement with
   * the head it verified, and records the disclosure — period, 公示期, figures, the file's SHA-256, the head — with
   * its audit entry in one transaction, once the PDF exists. A posting made while the PDF was drawn would leave
   * the statement's head behind the account's: then nothing is recorded and the clerk makes it again.
   */
  'fund.makeDisclosure': async (input, ctx) => {
    const { db } = ctx;
    const a = mustExist(db, input.accountId);
    const check = verifyChain(db, witnessedFundChain(db, a.id, a.name));
    if (check.break) {
      throw new DomainError('DOMAIN', `账目校验未通过（第 ${check.break.seq} 笔），不能公示。请先在“账目校验”中查明原因`, 'CHAIN_BROKEN');
    }
    const view = statementView(db, a, input.from, input.to);
    const installation = getInstallation(db);
    const pdf = await renderStatement({
      statement: view,
      account: a,
      head: check.head,
      notice: { from: input.noticeFrom, to: input.noticeTo },
      madeOn: ctx.today,
      operator: ctx.operator,
      unitName: installation?.unitName ?? '',
      timeZone: installation?.timeZone ?? DEFAULT_TIME_ZONE,
    });
    const file = pdfOut(`${STATEMENT_TITLE}-${a.name}-${input.from}至${input.to}.pdf`, pdf);
    const id = db.transaction(() => {
      const now = recordedHead(db, witnessedFundChain(db, a.id, a.name))!;
      if (now.seq !== check.head.seq || now.hash !== check.head.hash) {
        throw new DomainError('CONFLICT', '生成公示期间账户有新的过账，公示未记录。请重新生成', 'HEAD_MOVED');
      }
      const disclosureId = insertDisclosure(db, {
        accountId: a.id, periodFrom: input.from, periodTo: input.to, noticeFrom: input.noticeFrom, noticeTo: input.noticeTo,
        madeOn: ctx.today, opening: view.opening, income: view.income, expense: view.expense, closing: view.closing,
        headSeq: check.head.seq, headHash: check.head.hash, fileName: file.fileName, fileSha256: file.sha256,
      }, ctx.operator);
      const row = getDisclosure(db, disclosureId)!;
      ctx.audit({
        action: 'disclose', entity: 'fund_account', entityId: a.id,
        after: { ...row, opening: formatFen(row.opening), income: formatFen(row.income), expense: formatFen(row.expense), closing: formatFen(row.closing) },
      });
      return disclosureId;
    }).immediate();
    return { disclosure: getDisclosure(db, id)!, ...file };
  },

  'fund.listDisclosures': ({ accountId }, { db }) => listDisclosures(db, mustExist(db, accountId).id),

  'fund.getSettings': (_input, { db }) => fundSettings(db),

  'fund.updateSettings': (input, { db, audit }) => {
    const before = fundSettings(db);
    setSetting(db, SETTINGS_KEY, JSON.stringify(input));
    audit({ action: 'update', entity: 'fund_settings', entityId: SETTINGS_KEY, before, after: input });
    return input;
  },
};
