import type { ChainHead } from '../../../db/submission/sent-heads';
import type { ChainFields, Coverage, PackageRecord } from '../../export/types';

/**
 * A chain table (the fund journal) as a package carries it: each chain's entries after the head this installation
 * sent up before (`sent`), with that head as the witness in the coverage, so the receiver continues the chain it
 * holds instead of taking it whole every month (docs/package-format.md, "Chains: only what was not sent before").
 * A chain never sent, or every chain when `sent` is empty (完整上报), goes whole. One piece of code for every
 * level: a street passes its communities' chains on the same way, against what the street sent before.
 *
 * Lazy, so a ledger of a million entries is never held: each unit's records are filtered as the package writes
 * them, and `heads` and `coverage()` are complete once every unit's records were read (the manifest, which
 * holds the coverage, is written after the tables). `heads`: the head of every chain the table holds as this
 * package leaves (sent or not: a chain without new entries keeps its head), the base of the next package.
 */
export interface ChainSend {
  coverage(): Coverage;
  units: { code: string; records: Iterable<PackageRecord> }[];
  heads: Map<string, ChainHead>;
}

export function chainDelta(
  fields: ChainFields,
  units: readonly { code: string; records: Iterable<PackageRecord> }[],
  sent: ReadonlyMap<string, ChainHead>,
  whole: Coverage,
): ChainSend {
  const heads = new Map<string, ChainHead>();
  const after: Record<string, ChainHead> = {};
  function* unsent(records: Iterable<PackageRecord>): Iterable<PackageRecord> {
    for (const r of records) {
      const f = r as unknown as Record<string, unknown>;
      const chain = String(f[fields.per]);
      const seq = Number(f[fields.seq]);
      const base = sent.get(chain);
      if (base) after[chain] = base;
      if (seq > (heads.get(chain)?.seq ?? 0)) heads.set(chain, { seq, hash: String(f[fields.hash]) });
      if (!base || seq > base.seq) yield r;
    }
  }
  return {
    coverage: () => (Object.keys(after).length ? { field: fields.seq, per: fields.per, after } : whole),
    units: units.map(({ code, records }) => ({ code, records: unsent(records) })),
    heads,
  };
}
