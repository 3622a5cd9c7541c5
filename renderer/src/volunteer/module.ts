import { IconHeartHandshake } from '@tabler/icons-react';
import { defineUiModule } from '../app/module';
import { vol } from '../i18n/volunteer';
import { ActivitiesPage } from './ActivitiesPage';
import { LedgerPage } from './LedgerPage';
import { PostsPage } from './PostsPage';
import { RankingPage } from './RankingPage';
import { RulesPage } from './RulesPage';
import { ShopPage } from './ShopPage';
import { VolunteerDashboardPage } from './VolunteerDashboardPage';
import { VolunteersPage } from './VolunteersPage';
import { useVolunteerTodos } from './volunteerTodos';

/** Each page once: its route and its entry in the navigation group (志愿服务). */
const pages = [
  { path: '/volunteer', label: vol.nav.dashboard, component: VolunteerDashboardPage },
  { path: '/volunteer/people', label: vol.nav.people, component: VolunteersPage },
  { path: '/volunteer/posts', label: vol.nav.posts, component: PostsPage },
  { path: '/volunteer/activities', label: vol.nav.activities, component: ActivitiesPage },
  { path: '/volunteer/ledger', label: vol.nav.ledger, component: LedgerPage },
  { path: '/volunteer/ranking', label: vol.nav.ranking, component: RankingPage },
  { path: '/volunteer/shop', label: vol.nav.shop, component: ShopPage },
  { path: '/volunteer/rules', label: vol.nav.rules, component: RulesPage },
];

export const volunteerUi = defineUiModule({
  name: 'volunteer',
  routes: pages.map(({ path, component }) => ({ path, component })),
  navigation: [{ label: vol.nav.group, icon: IconHeartHandshake, children: pages.map(({ path, label }) => ({ path, label })) }],
  todos: useVolunteerTodos,
});
