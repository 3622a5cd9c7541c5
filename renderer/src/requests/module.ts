import { IconMessageReport } from '@tabler/icons-react';
import type { requestsContract } from '../../../main/api/requests/contract';
import { defineUiModule, lazyPage } from '../app/module';
import { rq } from '../i18n/requests';
import { rc } from '../i18n/requests-care';
import { rd } from '../i18n/requests-dashboard';
import { useRequestTodos } from './requestTodos';

const pages = [
  { path: '/requests/dashboard', label: rd.nav, component: lazyPage(() => import('./DashboardPage'), 'DashboardPage') },
  { path: '/requests/ledger', label: rq.nav.ledger, component: lazyPage(() => import('./LedgerPage'), 'LedgerPage') },
  { path: '/requests/summary', label: rq.nav.summary, component: lazyPage(() => import('./SummaryPage'), 'SummaryPage') },
  { path: '/requests/street', label: rq.street.nav, component: lazyPage(() => import('./StreetPage'), 'StreetPage') },
  { path: '/requests/grids', label: rq.nav.grids, component: lazyPage(() => import('./GridsPage'), 'GridsPage') },
  { path: '/requests/stewards', label: rq.nav.stewards, component: lazyPage(() => import('./StewardsPage'), 'StewardsPage') },
  { path: '/requests/wishes', label: rq.nav.wishes, component: lazyPage(() => import('./WishesPage'), 'WishesPage') },
  { path: '/requests/care', label: rc.nav, component: lazyPage(() => import('./CarePage'), 'CarePage') },
];

/** 民呼必应: the request ledger, the grids and their 红色小管家, 微心愿, 重点关爱户, in one navigation group; its to-dos on the home page. */
export const requestsUi = defineUiModule<typeof requestsContract>({
  name: 'requests',
  routes: pages.map(({ path, component }) => ({ path, component })),
  navigation: [{ label: rq.nav.group, icon: IconMessageReport, children: pages.map(({ path, label }) => ({ path, label })) }],
  todos: useRequestTodos,
});
