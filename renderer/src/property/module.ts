import { IconBuildingCommunity } from '@tabler/icons-react';
import type { propertyContract } from '../../../main/api/property/contract';
import { defineUiModule, lazyPage } from '../app/module';
import { pf } from '../i18n/property-figures';
import { pa } from '../i18n/property-assessments';
import { prop } from '../i18n/property';
import { usePropertyTodos } from './propertyTodos';

/** Each page once: its route and its entry in the navigation group (红色物业). */
const pages = [
  { path: '/property', label: pf.nav.dashboard, component: lazyPage(() => import('./PropertyDashboardPage'), 'PropertyDashboardPage') },
  { path: '/property/companies', label: prop.nav.companies, component: lazyPage(() => import('./CompaniesPage'), 'CompaniesPage') },
  { path: '/property/estates', label: prop.nav.estates, component: lazyPage(() => import('./EstatesPage'), 'EstatesPage') },
  { path: '/property/committees', label: prop.nav.committees, component: lazyPage(() => import('./CommitteesPage'), 'CommitteesPage') },
  { path: '/property/meetings', label: prop.nav.meetings, component: lazyPage(() => import('./JointMeetingsPage'), 'JointMeetingsPage') },
  { path: '/property/surveys', label: pf.nav.surveys, component: lazyPage(() => import('./SurveysPage'), 'SurveysPage') },
  { path: '/property/fees', label: pf.nav.fees, component: lazyPage(() => import('./FeesPage'), 'FeesPage') },
  { path: '/property/assessments', label: pa.nav.assessments, component: lazyPage(() => import('./AssessmentsPage'), 'AssessmentsPage') },
  { path: '/property/lists', label: pa.nav.lists, component: lazyPage(() => import('./RedBlackListPage'), 'RedBlackListPage') },
  { path: '/property/templates', label: pa.nav.templates, component: lazyPage(() => import('./TemplatesPage'), 'TemplatesPage') },
];

export const propertyUi = defineUiModule<typeof propertyContract>({
  name: 'property',
  routes: [
    ...pages.map(({ path, component }) => ({ path, component })),
    // Opened from 三方联动, full-screen: not in the navigation.
    { path: '/property/meeting-mode', component: lazyPage(() => import('./JointMeetingModePage'), 'JointMeetingModePage'), bare: true },
  ],
  navigation: [{ label: prop.nav.group, icon: IconBuildingCommunity, children: pages.map(({ path, label }) => ({ path, label })) }],
  todos: usePropertyTodos,
  search: {
    estate: { path: '/property/estates', param: 'estate' },
    company: { path: '/property/companies', param: 'company' },
  },
});
