import { IconElevator } from '@tabler/icons-react';
import type { elevatorContract } from '../../../main/api/elevator/contract';
import { defineUiModule, lazyPage } from '../app/module';
import { elev } from '../i18n/elevator';
import { useElevatorTodos } from './elevatorTodos';

/** Each page once: its route and its entry in the navigation group it shares with the fund (电梯维保基金). */
const pages = [
  { path: '/elevator/register', label: elev.nav.register, component: lazyPage(() => import('./RegisterPage'), 'RegisterPage') },
  { path: '/elevator/maintenance', label: elev.nav.maintenance, component: lazyPage(() => import('./MaintenancePage'), 'MaintenancePage') },
  { path: '/elevator/faults', label: elev.nav.faults, component: lazyPage(() => import('./FaultsPage'), 'FaultsPage') },
];

export const elevatorUi = defineUiModule<typeof elevatorContract>({
  name: 'elevator',
  routes: pages.map(({ path, component }) => ({ path, component })),
  navigation: [{ label: elev.nav.group, icon: IconElevator, children: pages.map(({ path, label }) => ({ path, label })) }],
  todos: useElevatorTodos,
});
