import { IconSettings } from '@tabler/icons-react';
import { defineUiModule } from '../app/module';
import { zh } from '../i18n/zh-CN';
import { SettingsPage } from './SettingsPage';

/** 设置. First-start setup and the home page are the shell's (renderer/src/app/). */
export const systemUi = defineUiModule({
  name: 'system',
  routes: [{ path: '/settings', component: SettingsPage }],
  navigation: [{ label: zh.nav.settings, icon: IconSettings, path: '/settings' }],
});
