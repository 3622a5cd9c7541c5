import { IconBuildingCommunity } from '@tabler/icons-react';
import { defineUiModule } from '../app/module';
import { pf } from '../i18n/property-figures';
import { pa } from '../i18n/property-assessments';
import { prop } from '../i18n/property';
import { AssessmentsPage } from './AssessmentsPage';
import { CommitteesPage } from './CommitteesPage';
import { CompaniesPage } from './CompaniesPage';
import { EstatesPage } from './EstatesPage';
import { FeesPage } from './FeesPage';
import { JointMeetingModePage } from './JointMeetingModePage';
import { JointMeetingsPage } from './JointMeetingsPage';
import { PropertyDashboardPage } from './PropertyDashboardPage';
import { usePropertyTodos } from './propertyTodos';
import { SurveysPage } from './SurveysPage';
import { RedBlackListPage } from './RedBlackListPage';
import { TemplatesPage } from './TemplatesPage';

/** Each page once: its route and its entry in the navigation group (红色物业). */
const pages = [
  { path: '/property', label: pf.nav.dashboard, component: PropertyDashboardPage },
  { path: '/property/companies', label: prop.nav.companies, component: CompaniesPage },
  { path: '/property/estates', label: prop.nav.estates, component: EstatesPage },
  { path: '/property/committees', label: prop.nav.committees, component: CommitteesPage },
  { path: '/property/meetings', label: prop.nav.meetings, component: JointMeetingsPage },
  { path: '/property/surveys', label: pf.nav.surveys, component: SurveysPage },
  { path: '/property/fees', label: pf.nav.fees, component: FeesPage },
  { path: '/property/assessments', label: pa.nav.assessments, component: AssessmentsPage },
  { path: '/property/lists', label: pa.nav.lists, component: RedBlackListPage },
  { path: '/property/templates', label: pa.nav.templates, component: TemplatesPage },
];

export const propertyUi = defineUiModule({
  name: 'property',
  routes: [
    ...pages.map(({ path, component }) => ({ path, component })),
    // Opened from 三方联动, full-screen: not in the navigation.
    { path: '/property/meeting-mode', component: JointMeetingModePage, bare: true },
  ],
  navigation: [{ label: prop.nav.group, icon: IconBuildingCommunity, children: pages.map(({ path, label }) => ({ path, label })) }],
  todos: usePropertyTodos,
  search: {
    estate: { path: '/property/estates', param: 'estate' },
    company: { path: '/property/companies', param: 'company' },
  },
});
