import { IconSend } from '@tabler/icons-react';
import type { NavEntry, RouteDef } from '../app/routes';
import { sub } from '../i18n/submission';
import { ConsolidationPage } from './ConsolidationPage';
import { LogPage } from './LogPage';
import { MonthlyPage } from './MonthlyPage';
import { RegistersPage } from './RegistersPage';

/** The submission module's pages and its navigation group (上报与汇总), joined to the app in app/routes.tsx. */
const pages = [
  { path: '/submission', label: sub.nav.registers, component: RegistersPage },
  { path: '/submission/monthly', label: sub.nav.monthly, component: MonthlyPage },
  { path: '/submission/import', label: sub.nav.import, component: ConsolidationPage },
  { path: '/submission/log', label: sub.nav.log, component: LogPage },
];

export const submissionRoutes: RouteDef[] = pages.map(({ path, component }) => ({ path, component }));

export const submissionNav: NavEntry = {
  label: sub.nav.group,
  icon: IconSend,
  children: pages.map(({ path, label }) => ({ path, label })),
};
