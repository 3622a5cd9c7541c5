import { IconElevator } from '@tabler/icons-react';
import { defineUiModule } from '../app/module';
import { fund } from '../i18n/fund';
import { fundApplications } from '../i18n/fund-applications';
import { fundIncome } from '../i18n/fund-income';
import { fundOverview } from '../i18n/fund-overview';
import { fundReconcile } from '../i18n/fund-reconcile';
import { AccountsPage } from './AccountsPage';
import { AllocationPage } from './AllocationPage';
import { ApplicationsPage } from './ApplicationsPage';
import { CrowdfundingPage } from './CrowdfundingPage';
import { useFundTodos } from './fundTodos';
import { JournalPage } from './JournalPage';
import { OverviewPage } from './OverviewPage';
import { ReconcilePage } from './ReconcilePage';
import { VerifyPage } from './VerifyPage';

/** Each page once: its route and its entry in the navigation group (电梯维保基金). */
const pages = [
  { path: '/fund/overview', label: fundOverview.nav, component: OverviewPage },
  { path: '/fund/accounts', label: fund.nav.accounts, component: AccountsPage },
  { path: '/fund/journal', label: fund.nav.journal, component: JournalPage },
  { path: '/fund/allocation', label: fundIncome.nav.allocation, component: AllocationPage },
  { path: '/fund/crowdfunding', label: fundIncome.nav.crowdfunding, component: CrowdfundingPage },
  { path: '/fund/applications', label: fundApplications.nav, component: ApplicationsPage },
  { path: '/fund/reconcile', label: fundReconcile.nav, component: ReconcilePage },
  { path: '/fund/verify', label: fund.nav.verify, component: VerifyPage },
];

export const fundUi = defineUiModule({
  name: 'fund',
  routes: pages.map(({ path, component }) => ({ path, component })),
  navigation: [{ label: fund.nav.group, icon: IconElevator, children: pages.map(({ path, label }) => ({ path, label })) }],
  todos: useFundTodos,
});
