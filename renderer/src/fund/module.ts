import { IconElevator } from '@tabler/icons-react';
import type { fundContract } from '../../../main/api/fund/contract';
import { defineUiModule, lazyPage } from '../app/module';
import { fund } from '../i18n/fund';
import { fundApplications } from '../i18n/fund-applications';
import { fundIncome } from '../i18n/fund-income';
import { fundOverview } from '../i18n/fund-overview';
import { fundReconcile } from '../i18n/fund-reconcile';
import { useFundTodos } from './fundTodos';

/** Each page once: its route and its entry in the navigation group (电梯维保基金). */
const pages = [
  { path: '/fund/overview', label: fundOverview.nav, component: lazyPage(() => import('./OverviewPage'), 'OverviewPage') },
  { path: '/fund/accounts', label: fund.nav.accounts, component: lazyPage(() => import('./AccountsPage'), 'AccountsPage') },
  { path: '/fund/journal', label: fund.nav.journal, component: lazyPage(() => import('./JournalPage'), 'JournalPage') },
  { path: '/fund/allocation', label: fundIncome.nav.allocation, component: lazyPage(() => import('./AllocationPage'), 'AllocationPage') },
  { path: '/fund/crowdfunding', label: fundIncome.nav.crowdfunding, component: lazyPage(() => import('./CrowdfundingPage'), 'CrowdfundingPage') },
  { path: '/fund/applications', label: fundApplications.nav, component: lazyPage(() => import('./ApplicationsPage'), 'ApplicationsPage') },
  { path: '/fund/reconcile', label: fundReconcile.nav, component: lazyPage(() => import('./ReconcilePage'), 'ReconcilePage') },
  { path: '/fund/verify', label: fund.nav.verify, component: lazyPage(() => import('./VerifyPage'), 'VerifyPage') },
];

export const fundUi = defineUiModule<typeof fundContract>({
  name: 'fund',
  routes: pages.map(({ path, component }) => ({ path, component })),
  navigation: [{ label: fund.nav.group, icon: IconElevator, children: pages.map(({ path, label }) => ({ path, label })) }],
  todos: useFundTodos,
});
