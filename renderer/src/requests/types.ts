import type { GridView, RequestDetail, RequestView } from '../../../main/api/requests/contract';

export type { GridView, RequestDetail, RequestView };
