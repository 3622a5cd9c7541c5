import type { Db } from '../../../../db/open';
import { closeApplication, liveApplication } from '../../../../db/volunteer/activities';
import { liveEntriesOf, type EntryRow } from '../../../../db/volunteer/ledger';
import type { Ctx } from '../../context';
import type { MeetingCredit } from '../contract';
import { reverse } from './common';

const creditOf = (entries: EntryRow[]): MeetingCredit => ({
  people: new Set(entries.map((e) => e.volunteerId)).size,
  points: entries.reduce((sum, e) => sum + e.amount, 0),
});

/** A meeting's base points that still stand (entries written for it and not reversed): how many people, how much. */
export function meetingCredit(db: Db, meetingId: string): MeetingCredit {
  return creditOf(liveEntriesOf(db, 'meeting', meetingId));
}

/**
 * Takes back a meeting's standing base points when the meeting is deleted as wrongly recorded: each entry reversed
 * by its twin (the ledger is append-only), the application closed. Refused as a whole, in the caller's transaction,
 * if anyone has spent the points since (their balance would go negative).
 */
export function reverseMeetingPoints(ctx: Ctx, meetingId: string, reason: string): MeetingCredit {
  const entries = liveEntriesOf(ctx.db, 'meeting', meetingId);
  for (const e of entries) reverse(ctx, e, reason);
  const application = liveApplication(ctx.db, 'meeting', meetingId);
  if (application) closeApplication(ctx.db, application.id, ctx.operator);
  return creditOf(entries);
}
