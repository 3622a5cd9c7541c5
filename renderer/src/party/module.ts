import { IconFlag } from '@tabler/icons-react';
import { defineUiModule } from '../app/module';
import { zh } from '../i18n/zh-CN';
import { CompliancePage } from './CompliancePage';
import { MeetingModePage } from './MeetingModePage';
import { MeetingsPage } from './MeetingsPage';
import { usePartyTodos } from './meetings/partyTodos';
import { MembersPage } from './MembersPage';
import { OrgsPage } from './OrgsPage';
import { PartyDashboardPage } from './PartyDashboardPage';
import { RatingsPage } from './RatingsPage';

/** Each page in the navigation group (党组织) once: its route and its entry. */
const pages = [
  { path: '/party', label: zh.nav.partyDashboard, component: PartyDashboardPage },
  { path: '/party/orgs', label: zh.nav.orgs, component: OrgsPage },
  { path: '/party/members', label: zh.nav.members, component: MembersPage },
  { path: '/party/meetings', label: zh.nav.meetings, component: MeetingsPage },
  { path: '/party/compliance', label: zh.nav.compliance, component: CompliancePage },
  { path: '/party/ratings', label: zh.nav.ratings, component: RatingsPage },
];

export const partyUi = defineUiModule({
  name: 'party',
  routes: [
    ...pages.map(({ path, component }) => ({ path, component })),
    // Opened from a meeting, full-screen: not in the navigation.
    { path: '/party/meeting-mode', component: MeetingModePage, bare: true },
  ],
  navigation: [{ label: zh.nav.party, icon: IconFlag, children: pages.map(({ path, label }) => ({ path, label })) }],
  todos: usePartyTodos,
  search: {
    member: { path: '/party/members', param: 'member' },
    org: { path: '/party/members', param: 'org' },
    place: { path: '/party/orgs', param: 'place' },
  },
});
