import { chunked } from '../chunked';
import type { Db } from '../open';
import type { RequestRow } from './types';

/**
 * The request ledger as it leaves the installation (registers, data packages): a request's current facts with its
 * place and grid named in words (the receiver has no places register to look them up in) and the community it lies
 * in. The reporter's name and phone leave as stored; the export layer masks them (main/api/requests/export).
 * Read in chunks, as every export is, so no statement stays open while the export yields.
 */
export type RequestExport = Omit<RequestRow, 'placeId' | 'placeKind' | 'gridId' | 'createdAt' | 'operator'> & {
  /** The community the place lies in, by name (the receiver has no places register). */
  community: string;
};

/** The place's community: the place itself, its estate's, or its building's estate's (communities have no parent). */
const PLACES = `JOIN places p ON p.id = r.place_id LEFT JOIN places p1 ON p1.id = p.parent_id LEFT JOIN places pp ON pp.id = p1.parent_id`;
const COMMUNITY_ID = `COALESCE(pp.id, p1.id, p.id)`;
const COMMUNITY_NAME = `COALESCE(pp.name, p1.name, p.name)`;
const ORDER = 'r.reported_on, r.id';

/** Requests matching `where` (on `r` and the place joins), oldest report first, read in chunks. */
function* readRequests(db: Db, where: string, args: unknown[]): Iterable<RequestExport> {
  const rows = chunked<Omit<RequestExport, 'anonymous'> & { anonymous: number }>(
    db,
    `SELECT r.rowid FROM requests r ${PLACES} WHERE ${where} ORDER BY ${ORDER}`,
    args,
    `SELECT r.id, r.reported_on AS reportedOn, r.source, r.anonymous, r.reporter_name AS reporterName,
            r.reporter_phone AS reporterPhone, ${COMMUNITY_NAME} AS community,
            trim(COALESCE(p1.name || ' ', '') || p.name) AS placeName, g.name AS gridName, r.content, r.state,
            r.category, r.urgency, r.answer, r.reason, r.handler_kind AS handlerKind, r.handler_name AS handlerName, r.due_on AS dueOn,
            r.done_on AS doneOn, r.result, r.publicised_on AS publicisedOn, r.rating, r.reopened, r.updated_at AS updatedAt
     FROM requests r ${PLACES} LEFT JOIN grids g ON g.id = r.grid_id
     WHERE r.rowid IN (SELECT value FROM json_each(?)) ORDER BY ${ORDER}`,
  );
  for (const r of rows) yield { ...r, anonymous: r.anonymous === 1 };
}

const OF_COMMUNITY = `(? IS NULL OR ${COMMUNITY_ID} = ?)`;

/** Every request of one community (by its place) or of the whole installation, oldest report first. */
export const exportRequests = (db: Db, communityPlaceId: string | null): Iterable<RequestExport> =>
  readRequests(db, OF_COMMUNITY, [communityPlaceId, communityPlaceId]);

/** The requests reported on the days `from`–`to` (a month's 诉求登记台账), through requests_reported. */
export const requestsReported = (db: Db, communityPlaceId: string | null, from: string, to: string): Iterable<RequestExport> =>
  readRequests(db, `${OF_COMMUNITY} AND r.reported_on BETWEEN ? AND ?`, [communityPlaceId, communityPlaceId, from, to]);

/**
 * The requests a tally of the days `from`–`to` may count (日登记, 周汇总 on screen): reported in them, closed on or after
 * the first (requests_done, named: the planner otherwise scans for the range), or still open and reported by the last
 * (requests_state) — each part through its index, so a week reads the week's requests and the open ones, not five
 * years of the ledger. A narrowing only: the tally's own `touches` (main/api/requests/export/tally.ts) decides.
 */
export const requestsAround = (db: Db, communityPlaceId: string | null, from: string, to: string): Iterable<RequestExport> =>
  readRequests(db, `${OF_COMMUNITY} AND ${AROUND}`, [communityPlaceId, communityPlaceId, ...aroundArgs(from, to)]);

/** The narrowing of `requestsAround` on `r`, for a query of its own (the dashboard's month); its arguments: `aroundArgs`. */
export const AROUND = `r.rowid IN (
      SELECT rowid FROM requests WHERE reported_on BETWEEN ? AND ?
      UNION SELECT rowid FROM requests INDEXED BY requests_done WHERE done_on >= ?
      UNION SELECT rowid FROM requests WHERE state IN ('reported', 'sorted', 'assigned', 'supervised') AND reported_on <= ?)`;
export const aroundArgs = (from: string, to: string) => [from, to, from, to];
