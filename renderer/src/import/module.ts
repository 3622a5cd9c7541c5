import { IconFileImport } from '@tabler/icons-react';
import { defineUiModule, lazyPage } from '../app/module';
import { imp } from '../i18n/import';

export const importUi = defineUiModule({
  name: 'import',
  routes: [{ path: '/import', component: lazyPage(() => import('./ImportPage'), 'ImportPage') }],
  navigation: [{ label: imp.title, icon: IconFileImport, path: '/import' }],
});
