import type { CareDetail, CareView, GridView, RequestDetail, RequestView, StewardView, VisitView, WishView } from '../../../main/api/requests/contract';

export type { CareDetail, CareView, GridView, RequestDetail, RequestView, StewardView, WishView };
export type VisitRow = VisitView;
