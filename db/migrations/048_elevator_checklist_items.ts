import type { Migration } from './types';

/**
 * The half-yearly and yearly items of TSG T5002 annex A (tables A3 and A4), typed in by the street from the printed
 * rule (设置 → 电梯维保项目): the program ships the half-monthly and quarterly tables (main/api/elevator/checklist.ts)
 * but not these. Codes follow the annex's tables — A3-01… for 半年, A4-01… for 年度 — in the order added; a record
 * stores the codes it ticked (`elevator_maintenance.items`), so an item records have is retired, never deleted or
 * renamed (a name change would change what old records say was done).
 */
export const elevatorChecklistItems: Migration = {
  version: 48,
  name: 'elevator_checklist_items',
  up(db) {
    db.exec(`
      CREATE TABLE elevator_checklist_items (
        code       TEXT PRIMARY KEY CHECK (code GLOB 'A[34]-[0-9][0-9]'),
        level      TEXT NOT NULL CHECK (level IN ('half_yearly', 'yearly')),
        name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        retired_at TEXT,
        created_at TEXT NOT NULL,
        operator   TEXT NOT NULL,
        CHECK (substr(code, 1, 2) = CASE level WHEN 'half_yearly' THEN 'A3' ELSE 'A4' END)
      ) STRICT;
      CREATE UNIQUE INDEX elevator_checklist_items_name ON elevator_checklist_items (level, name);
      CREATE TRIGGER elevator_checklist_items_fixed BEFORE UPDATE OF code, level, name ON elevator_checklist_items
      BEGIN SELECT RAISE(ABORT, '维保项目添加后不能改名：请停用它，再添加新的项目'); END;
    `);
  },
};
