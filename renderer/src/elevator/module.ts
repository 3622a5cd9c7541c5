import { IconElevator } from '@tabler/icons-react';
import { defineUiModule } from '../app/module';
import { elev } from '../i18n/elevator';
import { useElevatorTodos } from './elevatorTodos';
import { FaultsPage } from './FaultsPage';
import { MaintenancePage } from './MaintenancePage';
import { RegisterPage } from './RegisterPage';

/** Each page once: its route and its entry in the navigation group it shares with the fund (电梯维保基金). */
const pages = [
  { path: '/elevator/register', label: elev.nav.register, component: RegisterPage },
  { path: '/elevator/maintenance', label: elev.nav.maintenance, component: MaintenancePage },
  { path: '/elevator/faults', label: elev.nav.faults, component: FaultsPage },
];

export const elevatorUi = defineUiModule({
  name: 'elevator',
  routes: pages.map(({ path, component }) => ({ path, component })),
  navigation: [{ label: elev.nav.group, icon: IconElevator, children: pages.map(({ path, label }) => ({ path, label })) }],
  todos: useElevatorTodos,
});
