import { IconFileImport } from '@tabler/icons-react';
import type { importContract } from '../../../main/api/import/contract';
import { defineUiModule, lazyPage } from '../app/module';
import { imp } from '../i18n/import';

export const importUi = defineUiModule<typeof importContract>({
  name: 'import',
  routes: [{ path: '/import', component: lazyPage(() => import('./ImportPage'), 'ImportPage') }],
  navigation: [{ label: imp.title, icon: IconFileImport, path: '/import' }],
});
