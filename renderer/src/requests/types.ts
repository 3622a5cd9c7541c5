import type {
  CareDetail, CareView, EscalatedView, GridView, RequestDashboard, RequestDetail, RequestSummary, RequestTemplateView, RequestView, StewardView, SummaryGroup, VisitView, WishView,
} from '../../../main/api/requests/contract';

export type { CareDetail, CareView, EscalatedView, GridView, RequestDashboard, RequestDetail, RequestSummary, RequestTemplateView, RequestView, StewardView, SummaryGroup, WishView };
export type VisitRow = VisitView;
