import { IconFlag } from '@tabler/icons-react';
import type { partyContract } from '../../../main/api/party/contract';
import { defineUiModule, lazyPage } from '../app/module';
import { zh } from '../i18n/zh-CN';
import { usePartyTodos } from './meetings/partyTodos';

/** Each page in the navigation group (党组织) once: its route and its entry. */
const pages = [
  { path: '/party', label: zh.nav.partyDashboard, component: lazyPage(() => import('./PartyDashboardPage'), 'PartyDashboardPage') },
  { path: '/party/orgs', label: zh.nav.orgs, component: lazyPage(() => import('./OrgsPage'), 'OrgsPage') },
  { path: '/party/members', label: zh.nav.members, component: lazyPage(() => import('./MembersPage'), 'MembersPage') },
  { path: '/party/meetings', label: zh.nav.meetings, component: lazyPage(() => import('./MeetingsPage'), 'MeetingsPage') },
  { path: '/party/compliance', label: zh.nav.compliance, component: lazyPage(() => import('./CompliancePage'), 'CompliancePage') },
  { path: '/party/ratings', label: zh.nav.ratings, component: lazyPage(() => import('./RatingsPage'), 'RatingsPage') },
];

export const partyUi = defineUiModule<typeof partyContract>({
  name: 'party',
  routes: [
    ...pages.map(({ path, component }) => ({ path, component })),
    // Opened from a meeting, full-screen: not in the navigation.
    { path: '/party/meeting-mode', component: lazyPage(() => import('./MeetingModePage'), 'MeetingModePage'), bare: true },
  ],
  navigation: [{ label: zh.nav.party, icon: IconFlag, children: pages.map(({ path, label }) => ({ path, label })) }],
  todos: usePartyTodos,
  search: {
    member: { path: '/party/members', param: 'member' },
    org: { path: '/party/members', param: 'org' },
    place: { path: '/party/orgs', param: 'place' },
  },
});
