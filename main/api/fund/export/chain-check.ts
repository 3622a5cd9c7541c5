import { fieldOfColumn, type JournalExport } from '../../../../db/fund/export';
import { fundChainName, fundChainSpec } from '../../../../db/fund/chain';
import { chainHash, genesisHash } from '../../../../db/ledger/canonical';
import type { Coverage, PackageRecord, VerifyContext, VerifyRefusal } from '../../../export/types';

/**
 * The street's check of a community's fund journal (LEDGER.md, "Witnesses"), run on import before anything is
 * written: each account's chain is recomputed from the package alone — gap-free seq from 1, each entry's prevHash
 * the hash before it (hash_0 for the first), each hash SHA-256 of its canonical fields as the source's own verify
 * computes it — and held to what the street kept before: an entry it already has must come back with the same
 * hash, and a newer package may not end before the head it saw (history rewritten, 历史被改写). The account's head
 * in the package must be its last entry. A delta (coverage `after`, main/api/submission/chain-delta.ts) carries an
 * account's entries after a base seq N: the street must hold entry N with the hash the delta names (else a 完整包
 * is asked for), and the chain is recomputed from there. The first problem found is the reason given.
 */

/** The chain fields in canonical order (db/fund/chain.ts), read from a record by their camelCase names. */
const FIELDS = fundChainSpec('', '').fields.map((f) => ({ kind: f.kind, name: fieldOfColumn(f.column) }));

const recomputed = (e: JournalExport): string =>
  chainHash(e.prevHash, FIELDS.map((f) => ({ kind: f.kind, value: (e as unknown as Record<string, unknown>)[f.name] })));

interface AccountHead {
  id: string;
  name: string;
  headSeq: number;
  headHash: string;
}

const REFUSED = '数据包未导入，请社区核对账目后重新报送。';
const FULL = '数据包未导入。请报送单位在“月度上报”中勾选“完整上报”，重新生成完整包后报送。';

/** The witness a delta names for each account it continues (coverage `after`); none in a whole journal. */
const witnesses = (coverage: Coverage): Record<string, { seq: number; hash: string }> =>
  coverage !== 'all' && 'per' in coverage ? coverage.after : {};

export function verifyJournal(records: readonly JournalExport[], ctx: VerifyContext): string | VerifyRefusal | null {
  const byAccount = new Map<string, JournalExport[]>();
  for (const e of records) byAccount.set(e.accountId, [...(byAccount.get(e.accountId) ?? []), e]);
  const heads = new Map((ctx.table('fund.accounts') as unknown as AccountHead[]).map((a) => [a.id, a]));
  const before = new Map<string, Map<number, { hash: string; packageCreatedAt: string }>>();
  for (const { record, packageCreatedAt } of ctx.before('fund.entries')) {
    const e = record as unknown as JournalExport & PackageRecord;
    if (!before.has(e.accountId)) before.set(e.accountId, new Map());
    before.get(e.accountId)!.set(e.seq, { hash: e.hash, packageCreatedAt });
  }
  const after = witnesses(ctx.coverage);
  const nameOf = (accountId: string) => byAccount.get(accountId)?.[0]?.accountName ?? heads.get(accountId)?.name ?? accountId;

  // A delta continues a chain held here: the entry it names as its base must be here with the same hash.
  for (const [accountId, base] of Object.entries(after)) {
    if (!byAccount.has(accountId) && !heads.has(accountId)) continue;
    const held = before.get(accountId)?.get(base.seq);
    if (!held) {
      return { reason: 'PACKAGE_BASE_MISSING', message: `电梯维保基金“${nameOf(accountId)}”的流水只含第 ${base.seq} 笔之后的新记录，本机没有此前的第 ${base.seq} 笔（上次的数据包可能没有导入），无法接续。${FULL}` };
    }
    if (held.hash !== base.hash) {
      return `电梯维保基金“${nameOf(accountId)}”的流水接续的第 ${base.seq} 笔与本机导入过的校验码不同：历史被改写。${REFUSED}`;
    }
  }

  for (const [accountId, entries] of byAccount) {
    entries.sort((a, b) => a.seq - b.seq);
    const label = `电梯维保基金“${entries[0]!.accountName}”的流水`;
    const base = after[accountId];
    let prev = base?.hash ?? genesisHash(fundChainName(accountId));
    for (const [i, e] of entries.entries()) {
      const expected = (base?.seq ?? 0) + i + 1;
      if (e.seq !== expected) return `${label}缺少第 ${expected} 笔（序号不连续），${REFUSED}`;
      if (e.prevHash !== prev) return `${label}第 ${e.seq} 笔与前一笔接不上（校验链断开），${REFUSED}`;
      if (recomputed(e) !== e.hash) return `${label}第 ${e.seq} 笔的内容与其校验码不符，记录被改动过，${REFUSED}`;
      prev = e.hash;
    }
  }

  // The account's head is its last entry — the base, for an account the delta brings nothing new of.
  for (const [accountId, head] of heads) {
    const last = byAccount.get(accountId)?.at(-1) ?? after[accountId];
    if (last && (head.headSeq !== last.seq || head.headHash !== last.hash)) {
      return `电梯维保基金“${head.name}”的流水与账户记录的最新校验码（第 ${head.headSeq} 笔）不一致，${REFUSED}`;
    }
  }

  // Against what was imported before: the same seq with another hash, or a newer package that stops short of it
  // (what a delta does not carry — up to its base — it does not speak for).
  for (const [accountId, seen] of before) {
    const now = new Map((byAccount.get(accountId) ?? []).map((e) => [e.seq, e]));
    const from = after[accountId]?.seq ?? 0;
    for (const [seq, old] of seen) {
      const e = now.get(seq);
      if (e && e.hash !== old.hash) {
        return `电梯维保基金“${e.accountName}”第 ${seq} 笔与上次导入的不同：历史被改写。${REFUSED}`;
      }
      if (!e && seq > from && ctx.createdAt > old.packageCreatedAt && (byAccount.has(accountId) || heads.has(accountId))) {
        return `电梯维保基金“${nameOf(accountId)}”缺少上次导入过的第 ${seq} 笔：历史被改写。${REFUSED}`;
      }
    }
  }
  return null;
}
