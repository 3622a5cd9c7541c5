import type { Db } from '../../../../db/open';
import { getEstate } from '../../../../db/property/estates';
import {
  deleteJointMeeting,
  getJointMeeting,
  insertJointMeeting,
  listJointMeetings,
  updateJointMeeting,
  type JointMeetingFields,
  type JointMeetingRecord,
} from '../../../../db/property/joint-meetings';
import { firstCardedResolution } from '../../../../db/property/cards';
import type { ResolutionRow } from '../../../../db/property/resolutions';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { propertyContract } from '../contract';

type C = typeof propertyContract;

/** A resolution that has moved, been extended or been answered for is history: it stays, and so does its deadline. */
const untouched = (r: ResolutionRow) => r.status === 'open' && r.extensions === 0;

function checkMeeting(db: Db, f: JointMeetingFields, before: JointMeetingRecord | null, today: string) {
  if (!getEstate(db, f.estateId, today)) throw fieldError('estateId', '请选择已建立物业档案的小区');
  const existing = new Map((before?.resolutions ?? []).map((r) => [r.id, r]));
  f.resolutions.forEach((r, i) => {
    if (!r.id) return;
    const old = existing.get(r.id);
    if (!old) throw fieldError(`resolutions.${i}.content`, '这条决议不属于这次会议，请刷新后重试');
    if (r.dueOn !== old.dueOn && !untouched(old)) {
      throw fieldError(`resolutions.${i}.dueOn`, '决议已开始办理或延期过，完成时限请用“延期”调整（原时限会保留）');
    }
  });
  const listed = new Set(f.resolutions.map((r) => r.id));
  const gone = [...existing.values()].filter((r) => !listed.has(r.id));
  const dropped = gone.find((r) => !untouched(r)) ?? existing.get(firstCardedResolution(db, gone.map((r) => r.id)) ?? '');
  if (dropped) {
    throw new DomainError('CONFLICT', `决议“${dropped.content}”已有办理记录，不能删除；不再办理的决议请改为“已撤销”`, 'RESOLUTION_HAS_HISTORY');
  }
}

export const jointMeetingHandlers: Pick<
  Handlers<C>,
  | 'property.listJointMeetings'
  | 'property.getJointMeeting'
  | 'property.createJointMeeting'
  | 'property.updateJointMeeting'
  | 'property.deleteJointMeeting'
> = {
  'property.listJointMeetings': (input, { db }) => listJointMeetings(db, input),

  'property.getJointMeeting': ({ id }, { db }) => {
    const m = getJointMeeting(db, id);
    if (!m) throw notFound('三方联动会议');
    return m;
  },

  'property.createJointMeeting': (input, { db, operator, today, audit }) => {
    checkMeeting(db, input, null, today);
    const id = insertJointMeeting(db, input, operator);
    const after = getJointMeeting(db, id)!;
    audit({ action: 'create', entity: 'joint_meeting', entityId: id, after });
    return after;
  },

  'property.updateJointMeeting': ({ id, meeting }, { db, operator, today, audit }) => {
    const before = getJointMeeting(db, id);
    if (!before) throw notFound('三方联动会议');
    checkMeeting(db, meeting, before, today);
    updateJointMeeting(db, id, meeting, operator);
    const after = getJointMeeting(db, id)!;
    audit({ action: 'update', entity: 'joint_meeting', entityId: id, before, after });
    return after;
  },

  'property.deleteJointMeeting': ({ id }, { db, audit }) => {
    const before = getJointMeeting(db, id);
    if (!before) throw notFound('三方联动会议');
    if (!before.resolutions.every(untouched) || firstCardedResolution(db, before.resolutions.map((r) => r.id))) {
      throw new DomainError('CONFLICT', '这次会议的决议已有办理记录，不能删除；如有错误请修改会议记录', 'MEETING_HAS_RESOLUTION_HISTORY');
    }
    deleteJointMeeting(db, id);
    audit({ action: 'delete', entity: 'joint_meeting', entityId: id, before });
    return null;
  },
};
