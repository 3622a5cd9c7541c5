import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFile, type Db } from '../../db/open';
import { rebuildTotals } from '../../db/volunteer/ledger';
import { DB_FILE_NAME } from '../../main/core';
import { seedDataset, type SeedSummary } from '../../scripts/seed';
import { tempDir, testClock } from './helpers';

/** The seed's volunteer data (scripts/lib/seed-volunteer*.ts) keeps the ledger's rules: a small street, checked. */
const dir = path.join(tempDir(), 'data');
let seeded: SeedSummary;
let db: Db;

beforeAll(async () => {
  seeded = await seedDataset(dir, 'street', { members: 800, clock: testClock });
  db = openFile(path.join(dir, DB_FILE_NAME));
}, 60_000);

afterAll(() => {
  db.close();
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});

const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('the seeded volunteer data', () => {
  it('makes every member a volunteer, adds residents, and fills three years of the ledger', () => {
    const c = seeded.counts;
    expect(c.volunteers).toBe(c.members! + c.residentVolunteers!);
    expect(c.residentVolunteers).toBeGreaterThan(100);
    expect(c.volunteerPosts).toBeGreaterThan(c.active! * 0.5);
    expect(c.pointsEntries).toBeGreaterThan(10_000);
    expect(n("SELECT COUNT(DISTINCT year) AS n FROM points_entries WHERE source_kind = 'activity'")).toBeGreaterThanOrEqual(3);
    expect(c.honours).toBeGreaterThan(0);
  });

  it('keeps the maintained totals equal to the ledger, and no balance below zero', () => {
    const snapshot = () => [
      db.prepare('SELECT * FROM points_totals ORDER BY volunteer_id, year, quarter').all(),
      db.prepare('SELECT * FROM points_org_totals ORDER BY year, month, org_id').all(),
      db.prepare('SELECT * FROM points_month_totals ORDER BY year, month').all(),
    ];
    const before = snapshot();
    db.transaction(() => rebuildTotals(db))();
    expect(snapshot()).toEqual(before);
    expect(n('SELECT COUNT(*) AS n FROM (SELECT volunteer_id FROM points_totals WHERE quarter = 0 GROUP BY volunteer_id HAVING SUM(earned + redeemed) < 0)')).toBe(0);
  });

  it('credits each applied activity and meeting exactly by its entries, and leaves some work to do', () => {
    const mismatched = n(`SELECT COUNT(*) AS n FROM points_applications a
      WHERE a.entries <> (SELECT COUNT(*) FROM points_entries e WHERE e.source_kind = a.source_kind AND e.source_id = a.source_id AND +e.reverses_id IS NULL)`);
    expect(mismatched).toBe(0);
    expect(n("SELECT COUNT(*) AS n FROM volunteer_activities WHERE recorded_at IS NULL")).toBeGreaterThan(0);
    expect(n("SELECT COUNT(*) AS n FROM points_entries WHERE reverses_id IS NOT NULL")).toBeGreaterThan(0);
  });
});
