// at: main/api/volunteer/handlers/leak.ts
// rejects: no-restricted-syntax (SQL outside db/: a second path beside the repository's)
import type { Db } from '../../../../db/open';
export const count = (db: Db) => db.prepare('SELECT COUNT(*) AS n FROM volunteers').get();
