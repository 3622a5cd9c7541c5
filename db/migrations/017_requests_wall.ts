import type { Migration } from './types';

/**
 * The 问题墙 notice (issue 16, docs/requests.md) lists the requests publicised in a period, oldest first: an index on
 * the publicising day, only over requests that have one (most never do), so the notice reads a range, not the ledger.
 */
export const requestsWall: Migration = {
  version: 17,
  name: 'requests_wall',
  up(db) {
    db.exec(`CREATE INDEX requests_publicised ON requests (publicised_on) WHERE publicised_on IS NOT NULL;`);
  },
};
