import { IconSend } from '@tabler/icons-react';
import { defineUiModule } from '../app/module';
import { sub } from '../i18n/submission';
import { ConsolidationPage } from './ConsolidationPage';
import { LogPage } from './LogPage';
import { MonthlyPage } from './MonthlyPage';
import { RegistersPage } from './RegistersPage';

/** Each page once: its route and its entry in the navigation group (上报与汇总). */
const pages = [
  { path: '/submission', label: sub.nav.registers, component: RegistersPage },
  { path: '/submission/monthly', label: sub.nav.monthly, component: MonthlyPage },
  { path: '/submission/import', label: sub.nav.import, component: ConsolidationPage },
  { path: '/submission/log', label: sub.nav.log, component: LogPage },
];

export const submissionUi = defineUiModule({
  name: 'submission',
  routes: pages.map(({ path, component }) => ({ path, component })),
  navigation: [{ label: sub.nav.group, icon: IconSend, children: pages.map(({ path, label }) => ({ path, label })) }],
});
