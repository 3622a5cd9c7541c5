import { IconHeartHandshake } from '@tabler/icons-react';
import type { volunteerContract } from '../../../main/api/volunteer/contract';
import { defineUiModule, lazyPage } from '../app/module';
import { vol } from '../i18n/volunteer';
import { useVolunteerTodos } from './volunteerTodos';

/** Each page once: its route and its entry in the navigation group (志愿服务). */
const pages = [
  { path: '/volunteer', label: vol.nav.dashboard, component: lazyPage(() => import('./VolunteerDashboardPage'), 'VolunteerDashboardPage') },
  { path: '/volunteer/people', label: vol.nav.people, component: lazyPage(() => import('./VolunteersPage'), 'VolunteersPage') },
  { path: '/volunteer/posts', label: vol.nav.posts, component: lazyPage(() => import('./PostsPage'), 'PostsPage') },
  { path: '/volunteer/activities', label: vol.nav.activities, component: lazyPage(() => import('./ActivitiesPage'), 'ActivitiesPage') },
  { path: '/volunteer/ledger', label: vol.nav.ledger, component: lazyPage(() => import('./LedgerPage'), 'LedgerPage') },
  { path: '/volunteer/ranking', label: vol.nav.ranking, component: lazyPage(() => import('./RankingPage'), 'RankingPage') },
  { path: '/volunteer/shop', label: vol.nav.shop, component: lazyPage(() => import('./ShopPage'), 'ShopPage') },
  { path: '/volunteer/rules', label: vol.nav.rules, component: lazyPage(() => import('./RulesPage'), 'RulesPage') },
];

export const volunteerUi = defineUiModule<typeof volunteerContract>({
  name: 'volunteer',
  routes: pages.map(({ path, component }) => ({ path, component })),
  navigation: [{ label: vol.nav.group, icon: IconHeartHandshake, children: pages.map(({ path, label }) => ({ path, label })) }],
  todos: useVolunteerTodos,
});
