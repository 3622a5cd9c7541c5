import { IconMessageReport } from '@tabler/icons-react';
import { defineUiModule } from '../app/module';
import { rq } from '../i18n/requests';
import { rc } from '../i18n/requests-care';
import { CarePage } from './CarePage';
import { GridsPage } from './GridsPage';
import { LedgerPage } from './LedgerPage';
import { StewardsPage } from './StewardsPage';
import { StreetPage } from './StreetPage';
import { SummaryPage } from './SummaryPage';
import { WishesPage } from './WishesPage';
import { useRequestTodos } from './requestTodos';

const pages = [
  { path: '/requests/ledger', label: rq.nav.ledger, component: LedgerPage },
  { path: '/requests/summary', label: rq.nav.summary, component: SummaryPage },
  { path: '/requests/street', label: rq.street.nav, component: StreetPage },
  { path: '/requests/grids', label: rq.nav.grids, component: GridsPage },
  { path: '/requests/stewards', label: rq.nav.stewards, component: StewardsPage },
  { path: '/requests/wishes', label: rq.nav.wishes, component: WishesPage },
  { path: '/requests/care', label: rc.nav, component: CarePage },
];

/** 民呼必应: the request ledger, the grids and their 红色小管家, 微心愿, 重点关爱户, in one navigation group; its to-dos on the home page. */
export const requestsUi = defineUiModule({
  name: 'requests',
  routes: pages.map(({ path, component }) => ({ path, component })),
  navigation: [{ label: rq.nav.group, icon: IconMessageReport, children: pages.map(({ path, label }) => ({ path, label })) }],
  todos: useRequestTodos,
});
