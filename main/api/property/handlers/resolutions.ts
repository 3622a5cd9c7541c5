import type { Db } from '../../../../db/open';
import {
  extendResolution,
  extensionsOf,
  getResolution,
  overdueResolutions,
  setResolutionFeedback,
  setResolutionStatus,
  type ResolutionRow,
} from '../../../../db/property/resolutions';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { propertyContract, ResolutionDetail } from '../contract';
import { resolutionStatuses } from '../labels';
import { isUnfinished, transitionProblem } from '../rules';

type C = typeof propertyContract;

function found(db: Db, id: string): ResolutionRow {
  const r = getResolution(db, id);
  if (!r) throw notFound('决议');
  return r;
}

const detail = (db: Db, id: string, today: string): ResolutionDetail => {
  const resolution = getResolution(db, id)!;
  return { resolution, overdue: isUnfinished(resolution.status) && resolution.dueOn < today, extensions: extensionsOf(db, id) };
};

/** 公示 and residents' ratings follow the work: only a done resolution has them. */
function requireDone(r: ResolutionRow, what: string) {
  if (r.status !== 'done') {
    throw new DomainError('CONFLICT', `决议“${resolutionStatuses[r.status]}”，办结后才能${what}`, 'RESOLUTION_NOT_DONE');
  }
}

export const resolutionHandlers: Pick<
  Handlers<C>,
  | 'property.getResolution'
  | 'property.moveResolution'
  | 'property.extendResolution'
  | 'property.noticeResolution'
  | 'property.rateResolution'
  | 'property.listOverdueResolutions'
> = {
  'property.getResolution': ({ id }, { db, today }) => {
    found(db, id);
    return detail(db, id, today);
  },

  'property.moveResolution': ({ id, to, doneOn, reason }, { db, operator, today, audit }) => {
    const before = found(db, id);
    const problem = transitionProblem(before.status, to);
    if (problem) throw new DomainError('CONFLICT', problem, 'RESOLUTION_STEP_NOT_ALLOWED');
    if (to === 'done' && doneOn! < before.heldOn) throw fieldError('doneOn', '办结日期不能早于会议日期');
    setResolutionStatus(db, id, { status: to, doneOn: to === 'done' ? doneOn : null, droppedReason: to === 'dropped' ? reason : null }, operator);
    const after = detail(db, id, today);
    audit({ action: 'move', entity: 'joint_resolution', entityId: id, before, after: after.resolution });
    return after;
  },

  'property.extendResolution': ({ id, newDueOn, reason }, { db, operator, today, audit }) => {
    const before = found(db, id);
    if (!isUnfinished(before.status)) {
      throw new DomainError('CONFLICT', `决议已经“${resolutionStatuses[before.status]}”，不能延期`, 'RESOLUTION_NOT_UNFINISHED');
    }
    if (newDueOn <= before.dueOn) throw fieldError('newDueOn', `新的完成时限应晚于原时限 ${before.dueOn}`);
    extendResolution(db, before, newDueOn, reason, operator);
    const after = detail(db, id, today);
    audit({ action: 'extend', entity: 'joint_resolution', entityId: id, before, after: after.resolution });
    return after;
  },

  'property.noticeResolution': ({ id, noticedOn }, { db, operator, today, audit }) => {
    const before = found(db, id);
    requireDone(before, '公示');
    if (noticedOn < before.doneOn!) throw fieldError('noticedOn', `公示日期不能早于办结日期 ${before.doneOn}`);
    setResolutionFeedback(db, id, { noticedOn, rating: before.rating }, operator);
    const after = detail(db, id, today);
    audit({ action: 'update', entity: 'joint_resolution', entityId: id, before, after: after.resolution });
    return after;
  },

  'property.rateResolution': ({ id, rating }, { db, operator, today, audit }) => {
    const before = found(db, id);
    requireDone(before, '登记群众评价');
    setResolutionFeedback(db, id, { noticedOn: before.noticedOn, rating }, operator);
    const after = detail(db, id, today);
    audit({ action: 'update', entity: 'joint_resolution', entityId: id, before, after: after.resolution });
    return after;
  },

  'property.listOverdueResolutions': (input, { db, today }) => overdueResolutions(db, { ...input, today }),
};
