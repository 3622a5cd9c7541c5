import type { Migration } from './types';

/**
 * The sortable columns of the long registers beyond the member list (issue 15: every sortable column has an index
 * the bench proves), so a page deep in the list walks an index instead of sorting the whole register:
 * - 志愿者名册 by 登记日期, newest first, as the pinyin order walks volunteers_pinyin;
 * - 电梯档案 by 最近维保 (never maintained first, then the longest ago) and by 下次检验 (soonest first, those without
 *   a date last — the expression the query sorts by, since an index cannot serve NULLS LAST).
 */
export const sortIndexes: Migration = {
  version: 41,
  name: 'sort_indexes',
  up(db) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS volunteers_registered ON volunteers (active, registered_on DESC, name_pinyin, id);
      CREATE INDEX IF NOT EXISTS elevators_last_routine ON elevators (last_routine_on, id);
      CREATE INDEX IF NOT EXISTS elevators_next_inspection ON elevators (COALESCE(next_inspection_on, '9999-12-31'), id);
    `);
  },
};
