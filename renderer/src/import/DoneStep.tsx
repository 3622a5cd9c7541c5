import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { ImportResult } from '../../../main/api/import/contract';
import { href } from '../app/router';
import { imp } from '../i18n/import';

/** Where each register's records are seen; a module adding an importable register adds its screen here. */
const REGISTER_SCREENS: Record<string, string> = {
  'party.places': '/party/orgs',
  'party.orgs': '/party/orgs',
  'party.members': '/party/members',
  'volunteer.people': '/volunteer/people',
  'volunteer.posts': '/volunteer/posts',
  'volunteer.opening': '/volunteer/ledger',
  'property.companies': '/property/companies',
  'property.estates': '/property/estates',
  'property.committeeMembers': '/property/committees',
  'elevator.elevators': '/elevator/register',
  'elevator.maintenance': '/elevator/maintenance',
  'fund.openings': '/fund/accounts',
  'requests.grids': '/requests/grids',
  'requests.requests': '/requests/ledger',
  'requests.care': '/requests/care',
};

interface Props {
  register: string;
  result: ImportResult;
  onAgain: () => void;
}

export function DoneStep({ register, result, onAgain }: Props) {
  const screen = REGISTER_SCREENS[register];
  return (
    <Stack gap="sm">
      <Alert color="green" icon={<IconCircleCheck />} title={imp.done.title} role="status">
        <Text size="sm">{imp.done.body(result.created, result.updated, result.skipped)}</Text>
        {result.extras.length > 0 && <List size="sm" mt={4}>{result.extras.map((e) => <List.Item key={e}>{e}</List.Item>)}</List>}
      </Alert>
      <Group>
        {screen && <Button component="a" href={href(screen)}>{imp.done.open}</Button>}
        <Button variant="default" onClick={onAgain}>{imp.done.again}</Button>
      </Group>
    </Stack>
  );
}
