import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ApiError } from '../../api/client';
import { navigate } from '../../app/router';

/**
 * What a meeting mode shows while the saved meeting it reopens is read, or when it cannot be: the loader, or the
 * reason with the way back to the list. Null once the meeting is there.
 */
export function SessionLoad({ query, notFound, backPath, backLabel }: {
  query: { isPending: boolean; isError: boolean; error: ApiError | null };
  notFound: string;
  backPath: string;
  backLabel: string;
}) {
  if (query.isPending) return <Center h="100vh"><Loader /></Center>;
  if (!query.isError) return null;
  return (
    <Center h="100vh">
      <Stack align="center">
        <Text>{query.error?.body.code === 'NOT_FOUND' ? notFound : query.error?.message}</Text>
        <Button onClick={() => navigate(backPath)}>{backLabel}</Button>
      </Stack>
    </Center>
  );
}
