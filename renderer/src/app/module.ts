import { lazy, type ComponentType } from 'react';
import type { ChannelMap } from '../../../main/api/common/channel';
import type { ModuleOf } from '../../../main/api/common/client-shape';
import type { SearchHit } from '../../../main/api/system/contract';

/**
 * A module as the window sees it (docs/architecture.md, "A module's shape"): its pages, its navigation, its part of
 * the home page and where a search hit of its opens. `renderer/src/modules.ts` lists them; the shell assembles
 * them. A leaf like router.ts: modules import it, it imports no module.
 */
export interface UiModule<C extends ChannelMap = ChannelMap> {
  /** The contract's prefix (`party`), for the reader: the shell does not use it. */
  name: string;
  /**
   * Phantom, never set at run time: the module's contract, whose channels its pages call. The window's API type is
   * merged from these (renderer/src/api/contract.ts), so the window loads no schema it does not use.
   */
  readonly contract?: C;
  routes: RouteDef[];
  navigation: NavEntry[];
  /** Its part of the home page, above 今日待办 (a page-like component: `lazyPage` keeps its charts out of the entry chunk). */
  home?: ComponentType;
  /** Its sections of "今日待办": a hook, called on every render of the home page. */
  todos?: () => TodoSection[];
  /** Where each kind of `system.search` hit it returns opens: the page and the query parameter taking the id. */
  search?: Partial<Record<SearchHit['kind'], { path: string; param: string }>>;
}

/** A module of the window; its name must be its contract's prefix. */
export const defineUiModule = <C extends ChannelMap>(module: UiModule<C> & { name: ModuleOf<keyof C & string> }): UiModule<C> => module;

/**
 * A page loaded when it is first opened, so its code (and its charts) stays out of the entry chunk the first paint
 * waits for; the shell shows a loader meanwhile. `name` is the page's export, checked against the module's.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  return lazy(() => load().then((m): { default: ComponentType } => ({ default: m[name] })));
}

export interface RouteDef {
  path: string;
  component: ComponentType;
  /** Shown full-screen, without the navigation (meeting mode). */
  bare?: boolean;
}

export interface NavEntry {
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  path?: string;
  children?: { label: string; path: string }[];
}

export interface TodoItem {
  key: string;
  label: string;
  detail?: string;
  href: string;
}

/** One kind of thing that needs the clerk, contributed by a module. */
export interface TodoSection {
  key: string;
  title: string;
  items: TodoItem[];
  /** How many there are when `items` is only the first of them (a paged channel's total). */
  total?: number;
  loading?: boolean;
  error?: string;
  /**
   * The module keeps nothing yet that its to-dos could judge (no members, no branches): an empty home page must
   * then say where to begin, not that every register is up to date.
   */
  nothingOnFile?: boolean;
}
