import type { AttendanceStatus, Lifecycle, MeetingType, MemberCategory, MemberRole, MemberStatus, OrgLevel, PlaceKind } from '../../../db/party/types';

/** Chinese names of the party module's codes: one catalogue for forms, tables, exports and errors. */

export const orgLevels = {
  street_committee: '街道党工委',
  community_committee: '社区党委/党总支',
  branch: '党支部',
  group: '党小组',
} as const satisfies Record<OrgLevel, string>;

/** The kinds a unit of each level can be, as offices name them. */
export const orgKinds = {
  street_committee: ['街道党工委'],
  community_committee: ['社区党委', '社区党总支'],
  branch: ['小区党支部', '楼院党支部', '网格党支部', '党支部'],
  group: ['楼栋党小组', '单元党小组', '党小组'],
} as const;

/** Which level may sit under which (the five-level tree; the fifth, centre households, is a member flag). */
export const childLevel = {
  street_committee: 'community_committee',
  community_committee: 'branch',
  branch: 'group',
  group: null,
} as const;

export const placeKinds = { community: '社区', estate: '小区', building: '楼栋' } as const satisfies Record<PlaceKind, string>;
export const orgStatuses = { active: '在用', dissolved: '已撤销' } as const;
export const placeChildKind = { community: 'estate', estate: 'building', building: null } as const;

export const memberStatuses = { full: '正式党员', probationary: '预备党员' } as const satisfies Record<MemberStatus, string>;
export const memberCategories = { community: '社区党员', in_service: '在职党员', migrant: '流动党员' } as const satisfies Record<MemberCategory, string>;
export const memberRoles = {
  secretary: '书记',
  deputy_secretary: '副书记',
  committee: '委员',
  group_leader: '党小组长',
} as const satisfies Record<MemberRole, string>;
export const lifecycles = { active: '在册', transferred_out: '已转出', deceased: '已去世' } as const satisfies Record<Lifecycle, string>;
export const genders = { male: '男', female: '女' } as const;

export const meetingTypes = {
  general: '支部党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
} as const satisfies Record<MeetingType, string>;

export const attendanceStatuses = { present: '出席', absent: '缺席', leave: '请假', guest: '列席' } as const satisfies Record<AttendanceStatus, string>;
export const resolutionStatuses = { open: '办理中', done: '已办结' } as const;

export const memberEventKinds = {
  created: '登记入册',
  transfer_in: '转入',
  transfer_out: '转出',
  deceased: '去世',
  became_full: '转为正式党员',
  org_changed: '调整所在组织',
  readmitted: '重新转入',
} as const;

