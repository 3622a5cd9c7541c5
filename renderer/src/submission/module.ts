import { IconSend } from '@tabler/icons-react';
import type { submissionContract } from '../../../main/api/submission/contract';
import { defineUiModule, lazyPage } from '../app/module';
import { sub } from '../i18n/submission';

/** Each page once: its route and its entry in the navigation group (上报与汇总). */
const pages = [
  { path: '/submission/overview', label: sub.nav.overview, component: lazyPage(() => import('./OverviewPage'), 'OverviewPage') },
  { path: '/submission', label: sub.nav.registers, component: lazyPage(() => import('./RegistersPage'), 'RegistersPage') },
  { path: '/submission/monthly', label: sub.nav.monthly, component: lazyPage(() => import('./MonthlyPage'), 'MonthlyPage') },
  { path: '/submission/import', label: sub.nav.import, component: lazyPage(() => import('./ConsolidationPage'), 'ConsolidationPage') },
  { path: '/submission/log', label: sub.nav.log, component: lazyPage(() => import('./LogPage'), 'LogPage') },
];

export const submissionUi = defineUiModule<typeof submissionContract>({
  name: 'submission',
  routes: pages.map(({ path, component }) => ({ path, component })),
  // 汇总概览 at a street or a district that consolidated something (it renders nothing otherwise).
  home: lazyPage(() => import('./OverviewPage'), 'OverviewHome'),
  navigation: [{ label: sub.nav.group, icon: IconSend, children: pages.map(({ path, label }) => ({ path, label })) }],
});
