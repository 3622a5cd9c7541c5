import { AUDIT_CHAIN } from '../audit';
import { appendOnlySql, dropAppendOnlySql } from '../ledger/append-only';
import { LEDGER_HEADS_SQL, makeChain } from '../ledger/chain';
import { POINTS_CHAIN } from '../volunteer/points-chain';
import type { Migration } from './types';

const POINTS_APPEND_ONLY_MESSAGE = '积分台账只能追加，错误的记录请冲正';
const AUDIT_APPEND_ONLY_MESSAGE = '操作记录只能追加，不能修改或删除';

/**
 * The ledgers' shared building blocks (docs/architecture.md, "Ledgers"): the points ledger and the audit log
 * become hash chains — existing rows chained in the order they were written — and the audit log becomes
 * append-only like the points ledger, whose triggers are lifted for the backfill and recreated by the same helper.
 */
export const ledgerChains: Migration = {
  version: 7,
  name: 'ledger_chains',
  up(db) {
    db.exec(LEDGER_HEADS_SQL);
    db.exec(dropAppendOnlySql(POINTS_CHAIN.table));
    makeChain(db, POINTS_CHAIN, 'created_at, id');
    db.exec(appendOnlySql(POINTS_CHAIN.table, POINTS_APPEND_ONLY_MESSAGE));
    makeChain(db, AUDIT_CHAIN, 'at, id');
    db.exec(appendOnlySql(AUDIT_CHAIN.table, AUDIT_APPEND_ONLY_MESSAGE));
  },
};
