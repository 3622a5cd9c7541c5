import { fieldOfColumn, type JournalExport } from '../../../../db/fund/export';
import { fundChainName, fundChainSpec } from '../../../../db/fund/chain';
import { chainHash, genesisHash } from '../../../../db/ledger/canonical';
import type { PackageRecord, VerifyContext } from '../../../export/types';

/**
 * The street's check of a community's fund journal (LEDGER.md, "Witnesses"), run on import before anything is
 * written: each account's chain is recomputed from the package alone — gap-free seq from 1, each entry's prevHash
 * the hash before it (hash_0 for the first), each hash SHA-256 of its canonical fields as the source's own verify
 * computes it — and held to what the street kept before: an entry it already has must come back with the same
 * hash, and a newer package may not end before the head it saw (history rewritten, 历史被改写). The account's head
 * in the package must be its last entry. The first problem found is the reason given.
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

export function verifyJournal(records: readonly JournalExport[], ctx: VerifyContext): string | null {
  const byAccount = new Map<string, JournalExport[]>();
  for (const e of records) byAccount.set(e.accountId, [...(byAccount.get(e.accountId) ?? []), e]);
  const heads = new Map((ctx.table('fund.accounts') as unknown as AccountHead[]).map((a) => [a.id, a]));
  const before = new Map<string, Map<number, { hash: string; packageCreatedAt: string }>>();
  for (const { record, packageCreatedAt } of ctx.before('fund.entries')) {
    const e = record as unknown as JournalExport & PackageRecord;
    if (!before.has(e.accountId)) before.set(e.accountId, new Map());
    before.get(e.accountId)!.set(e.seq, { hash: e.hash, packageCreatedAt });
  }

  for (const [accountId, entries] of byAccount) {
    entries.sort((a, b) => a.seq - b.seq);
    const label = `电梯维保基金“${entries[0]!.accountName}”的流水`;
    let prev = genesisHash(fundChainName(accountId));
    for (const [i, e] of entries.entries()) {
      if (e.seq !== i + 1) return `${label}缺少第 ${i + 1} 笔（序号不连续），${REFUSED}`;
      if (e.prevHash !== prev) return `${label}第 ${e.seq} 笔与前一笔接不上（校验链断开），${REFUSED}`;
      if (recomputed(e) !== e.hash) return `${label}第 ${e.seq} 笔的内容与其校验码不符，记录被改动过，${REFUSED}`;
      prev = e.hash;
    }
    const head = heads.get(accountId);
    const last = entries[entries.length - 1]!;
    if (head && (head.headSeq !== last.seq || head.headHash !== last.hash)) {
      return `${label}与账户记录的最新校验码（第 ${head.headSeq} 笔）不一致，${REFUSED}`;
    }
  }

  // Against what was imported before: the same seq with another hash, or a newer package that stops short of it.
  for (const [accountId, seen] of before) {
    const now = new Map((byAccount.get(accountId) ?? []).map((e) => [e.seq, e]));
    for (const [seq, old] of seen) {
      const e = now.get(seq);
      if (e && e.hash !== old.hash) {
        return `电梯维保基金“${e.accountName}”第 ${seq} 笔与上次导入的不同：历史被改写。${REFUSED}`;
      }
      if (!e && ctx.createdAt > old.packageCreatedAt && (byAccount.has(accountId) || heads.has(accountId))) {
        const name = byAccount.get(accountId)?.[0]?.accountName ?? heads.get(accountId)?.name ?? accountId;
        return `电梯维保基金“${name}”缺少上次导入过的第 ${seq} 笔：历史被改写。${REFUSED}`;
      }
    }
  }
  return null;
}
