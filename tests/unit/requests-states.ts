import { requestStates } from '../../main/api/requests/labels';
import type { RequestState } from '../../main/api/requests/rules';

export const requestStateKeys = Object.keys(requestStates) as RequestState[];
