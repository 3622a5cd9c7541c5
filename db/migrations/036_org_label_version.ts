import type { Migration } from './types';

/**
 * A counter that moves with every change to what names a unit (issue 17): the organisations and the places their
 * community committees are named by. Each list's answer labels its rows with every unit's label (same-named units
 * told apart, main/api/common/org-labels.ts), which read all 2,500 units of a district per request — 6–8 ms of a
 * 10 ms budget. Kept by triggers, so every writer keeps it; the core recomputes the labels only when it moved.
 */
export const orgLabelVersion: Migration = {
  version: 36,
  name: 'org_label_version',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS org_label_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
      INSERT OR IGNORE INTO org_label_version (id, n) VALUES (1, 0);
      CREATE TRIGGER IF NOT EXISTS orgs_label_insert AFTER INSERT ON orgs BEGIN UPDATE org_label_version SET n = n + 1; END;
      CREATE TRIGGER IF NOT EXISTS orgs_label_update AFTER UPDATE ON orgs BEGIN UPDATE org_label_version SET n = n + 1; END;
      CREATE TRIGGER IF NOT EXISTS orgs_label_delete AFTER DELETE ON orgs BEGIN UPDATE org_label_version SET n = n + 1; END;
      CREATE TRIGGER IF NOT EXISTS places_label_insert AFTER INSERT ON places BEGIN UPDATE org_label_version SET n = n + 1; END;
      CREATE TRIGGER IF NOT EXISTS places_label_update AFTER UPDATE ON places BEGIN UPDATE org_label_version SET n = n + 1; END;
      CREATE TRIGGER IF NOT EXISTS places_label_delete AFTER DELETE ON places BEGIN UPDATE org_label_version SET n = n + 1; END;
    `);
  },
};
