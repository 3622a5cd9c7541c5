import { IconHome } from '@tabler/icons-react';
import { zh } from '../i18n/zh-CN';
import { uiModules } from '../modules';
import { HomePage } from './HomePage';
import type { NavEntry, RouteDef } from './module';

/** The home page, then every module's pages (renderer/src/modules.ts). */
export const routes: RouteDef[] = [{ path: '/', component: HomePage }, ...uiModules.flatMap((m) => m.routes)];

/** The left navigation: 首页, then the modules' entries in their order. */
export const navigation: NavEntry[] = [{ label: zh.nav.home, icon: IconHome, path: '/' }, ...uiModules.flatMap((m) => m.navigation)];
