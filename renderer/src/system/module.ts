import { IconHistory, IconSettings } from '@tabler/icons-react';
import type { systemContract } from '../../../main/api/system/contract';
import { defineUiModule, lazyPage } from '../app/module';
import { zh } from '../i18n/zh-CN';

/** 设置 and 操作记录. First-start setup and the home page are the shell's (renderer/src/app/). */
export const systemUi = defineUiModule<typeof systemContract>({
  name: 'system',
  routes: [{ path: '/settings', component: lazyPage(() => import('./SettingsPage'), 'SettingsPage') }, { path: '/audit', component: lazyPage(() => import('./AuditPage'), 'AuditPage') }],
  navigation: [{ label: zh.nav.audit, icon: IconHistory, path: '/audit' }, { label: zh.nav.settings, icon: IconSettings, path: '/settings' }],
});
