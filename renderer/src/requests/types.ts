import type { GridView, RequestDetail, RequestView, StewardView } from '../../../main/api/requests/contract';

export type { GridView, RequestDetail, RequestView, StewardView };
