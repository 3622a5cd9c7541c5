import { IconHome } from '@tabler/icons-react';
import { zh } from '../i18n/zh-CN';
import { uiModules } from '../modules';
import { HomePage } from './HomePage';
import type { NavEntry, RouteDef } from './module';

/** The home page, then every module's pages (renderer/src/modules.ts). */
export const routes: RouteDef[] = [{ path: '/', component: HomePage }, ...uiModules.flatMap((m) => m.routes)];

/**
 * Groups with the same label are one group, their pages in the modules' order: two modules can share a heading
 * (the elevator register sits in 电梯维保基金 beside the fund) without either naming the other's pages.
 */
function joinGroups(entries: NavEntry[]): NavEntry[] {
  const out: NavEntry[] = [];
  for (const entry of entries) {
    const same = entry.children && out.find((e) => e.children && e.label === entry.label);
    if (same) same.children = [...same.children!, ...entry.children!];
    else out.push({ ...entry });
  }
  return out;
}

/** The left navigation: 首页, then the modules' entries in their order. */
export const navigation: NavEntry[] = joinGroups([{ label: zh.nav.home, icon: IconHome, path: '/' }, ...uiModules.flatMap((m) => m.navigation)]);
