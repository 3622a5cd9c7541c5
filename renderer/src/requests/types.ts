import type { GridView, RequestDetail, RequestView, StewardView, WishView } from '../../../main/api/requests/contract';

export type { GridView, RequestDetail, RequestView, StewardView, WishView };
