import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { openFile } from '../../db/open';
import { inMoment, tempDir } from './helpers';

/**
 * The schema after every migration, pinned (as Actual Budget does): a change to a table, index or trigger shows up
 * in review as a diff of tests/unit/__snapshots__/schema.sql, never silently. After an intended change, run
 * `npx vitest run tests/unit/schema-snapshot.test.ts -u` and commit the file with the migration.
 */
describe('the database schema', () => {
  it('is what the migrations have always made it, object for object', async () => {
    const db = openFile(path.join(tempDir(), 'schema.sqlite'));
    inMoment(() => migrate(db));
    const objects = db
      .prepare("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as { type: string; name: string; sql: string }[];
    db.close();
    const text = objects.map((o) => `-- ${o.type} ${o.name}\n${o.sql.replace(/[ \t]+$/gm, '')};\n`).join('\n');
    await expect(text).toMatchFileSnapshot('./__snapshots__/schema.sql');
  });
});
