import { Alert, Anchor, Text } from '@mantine/core';
import { useApiQuery } from '../api/queries';
import { href } from '../app/router';
import { sub } from '../i18n/submission';

/**
 * On a module's own dashboard, which counts this installation's records only: at a street or a district that
 * registers nothing of its own there but consolidated its units' packages, says where their figures are.
 * Asks only when the dashboard is empty (the same answer the home page's 汇总概览 read, kept by the query cache).
 */
export function ConsolidatedHint({ empty }: { empty: boolean }) {
  const q = useApiQuery('submission.getOverview', {}, { enabled: empty });
  if (!empty || !q.data?.rows.length) return null;
  return (
    <Alert color="blue" p="xs">
      <Text size="sm">
        {sub.ownEmpty} <Anchor href={href('/submission/overview')} size="sm" underline="always">{sub.overview.title}</Anchor>
      </Text>
    </Alert>
  );
}
