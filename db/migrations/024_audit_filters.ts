import type { Migration } from './types';

/**
 * The audit log as a page of its own (issue 15): filtered by account, action or module and read newest first by
 * `seq` a page at a time (keyset: `seq < the last one shown`). Each filter gets the index that walks it in that
 * order, so a page reads its hundred rows and no more however long the log: the account's, the action's, and the
 * entity's (a module is a few entities, each read from it and merged). A date range alone reads 001's `at` index and
 * sorts the range's rows.
 * IF NOT EXISTS: tests/unit/accounts.test.ts runs the migrations after 021 again on a file rewound to before it.
 */
export const auditFilters: Migration = {
  version: 24,
  name: 'audit_filters',
  up(db) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS audit_log_operator_seq ON audit_log (operator, seq);
      CREATE INDEX IF NOT EXISTS audit_log_action_seq ON audit_log (action, seq);
      CREATE INDEX IF NOT EXISTS audit_log_entity_seq ON audit_log (entity, seq);
    `);
  },
};
