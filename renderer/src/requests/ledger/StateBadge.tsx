import { Badge } from '@mantine/core';
import { requestStates } from '../../../../main/api/requests/labels';
import type { RequestState } from '../../../../main/api/requests/rules';

const colour: Record<RequestState, string> = {
  reported: 'orange', sorted: 'yellow', not_accepted: 'gray', assigned: 'blue', supervised: 'grape', done: 'teal', publicised: 'cyan', evaluated: 'green',
};

export const StateBadge = ({ state }: { state: RequestState }) => (
  <Badge size="sm" radius="sm" variant="light" color={colour[state]}>{requestStates[state]}</Badge>
);
