import type { ComponentType } from 'react';
import { IconFileImport, IconFlag, IconHome, IconSettings } from '@tabler/icons-react';
import { imp } from '../i18n/import';
import { zh } from '../i18n/zh-CN';
import { ImportPage } from '../import/ImportPage';
import { CompliancePage } from '../party/CompliancePage';
import { MeetingModePage } from '../party/MeetingModePage';
import { MeetingsPage } from '../party/MeetingsPage';
import { MembersPage } from '../party/MembersPage';
import { OrgsPage } from '../party/OrgsPage';
import { PartyDashboardPage } from '../party/PartyDashboardPage';
import { RatingsPage } from '../party/RatingsPage';
import { HomePage } from '../system/HomePage';
import { submissionNav, submissionRoutes } from '../submission/routes';
import { SettingsPage } from '../system/SettingsPage';
import { volunteerNav, volunteerRoutes } from '../volunteer/routes';

export interface RouteDef {
  path: string;
  component: ComponentType;
  /** Shown full-screen, without the navigation (meeting mode). */
  bare?: boolean;
}

export const routes: RouteDef[] = [
  { path: '/', component: HomePage },
  { path: '/party', component: PartyDashboardPage },
  { path: '/party/orgs', component: OrgsPage },
  { path: '/party/members', component: MembersPage },
  { path: '/party/meetings', component: MeetingsPage },
  { path: '/party/meeting-mode', component: MeetingModePage, bare: true },
  { path: '/party/compliance', component: CompliancePage },
  { path: '/party/ratings', component: RatingsPage },
  ...volunteerRoutes,
  { path: '/import', component: ImportPage },
  ...submissionRoutes,
  { path: '/settings', component: SettingsPage },
];

export interface NavEntry {
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  path?: string;
  children?: { label: string; path: string }[];
}

/** The left navigation: one entry per module; it grows as modules land. */
export const navigation: NavEntry[] = [
  { label: zh.nav.home, icon: IconHome, path: '/' },
  {
    label: zh.nav.party,
    icon: IconFlag,
    children: [
      { label: zh.nav.partyDashboard, path: '/party' },
      { label: zh.nav.orgs, path: '/party/orgs' },
      { label: zh.nav.members, path: '/party/members' },
      { label: zh.nav.meetings, path: '/party/meetings' },
      { label: zh.nav.compliance, path: '/party/compliance' },
      { label: zh.nav.ratings, path: '/party/ratings' },
    ],
  },
  volunteerNav,
  { label: imp.title, icon: IconFileImport, path: '/import' },
  submissionNav,
  { label: zh.nav.settings, icon: IconSettings, path: '/settings' },
];
