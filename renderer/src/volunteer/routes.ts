import { IconHeartHandshake } from '@tabler/icons-react';
import type { NavEntry, RouteDef } from '../app/routes';
import { vol } from '../i18n/volunteer';
import { ActivitiesPage } from './ActivitiesPage';
import { LedgerPage } from './LedgerPage';
import { PostsPage } from './PostsPage';
import { RankingPage } from './RankingPage';
import { RulesPage } from './RulesPage';
import { ShopPage } from './ShopPage';
import { VolunteerDashboardPage } from './VolunteerDashboardPage';
import { VolunteersPage } from './VolunteersPage';

/** The volunteer module's pages and its navigation group (志愿服务), joined to the app in app/routes.tsx. */
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

export const volunteerRoutes: RouteDef[] = pages.map(({ path, component }) => ({ path, component }));

export const volunteerNav: NavEntry = {
  label: vol.nav.group,
  icon: IconHeartHandshake,
  children: pages.map(({ path, label }) => ({ path, label })),
};
