import { IconFileImport } from '@tabler/icons-react';
import { defineUiModule } from '../app/module';
import { imp } from '../i18n/import';
import { ImportPage } from './ImportPage';

export const importUi = defineUiModule({
  name: 'import',
  routes: [{ path: '/import', component: ImportPage }],
  navigation: [{ label: imp.title, icon: IconFileImport, path: '/import' }],
});
