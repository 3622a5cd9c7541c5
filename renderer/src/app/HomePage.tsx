import { Badge, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconClipboardList } from '@tabler/icons-react';
import { Suspense } from 'react';
import { pm } from '../i18n/party-meetings';
import { LinkList } from '../components/DashboardCards';
import { uiModules } from '../modules';
import { href } from './router';
import type { TodoSection } from './module';

const todoHooks = uiModules.flatMap((m) => (m.todos ? [m.todos] : []));
const homeParts = uiModules.flatMap((m) => (m.home ? [{ name: m.name, Part: m.home }] : []));

const SHOWN = 8;
const h = pm.home;

/**
 * "What needs me today": overdue items across modules, each a link to where it is done. A module adds its sections
 * with its manifest's `todos` hook (renderer/src/modules.ts).
 */
export function HomePage() {
  // eslint-disable-next-line react-hooks/rules-of-hooks -- todoHooks is constant: the same hooks, in the same order, every render
  const sections = todoHooks.flatMap((useTodos) => useTodos());
  const loading = sections.some((s) => s.loading);
  const due = sections.filter((s) => s.items.length > 0 || s.error);
  const nothingOnFile = sections.some((s) => s.nothingOnFile);

  return (
    <Stack gap="sm">
      {homeParts.map(({ name, Part }) => (
        <Suspense key={name} fallback={null}><Part /></Suspense>
      ))}
      <Title order={3}>{h.title}</Title>
      {loading ? (
        <Center py="xl"><Loader size="sm" /></Center>
      ) : due.length === 0 && nothingOnFile ? (
        <Center py={60}>
          <Stack align="center" gap="xs" maw={520}>
            <IconClipboardList size={40} color="var(--mantine-color-gray-6)" />
            <Text fw={600} size="lg">{h.startTitle}</Text>
            <Text size="sm" c="dimmed" ta="center">{h.startHint}</Text>
            <Group gap="xs" mt="xs">
              <Button component="a" href={href('/party/orgs')}>{h.startOrgs}</Button>
              <Button component="a" variant="default" href={href('/import')}>{h.startImport}</Button>
            </Group>
          </Stack>
        </Center>
      ) : due.length === 0 ? (
        <Center py={60}>
          <Stack align="center" gap="xs">
            <IconCircleCheck size={40} color="var(--mantine-color-green-6)" />
            <Text fw={600} size="lg">{h.empty}</Text>
            <Text size="sm" c="dimmed">{h.emptyHint}</Text>
          </Stack>
        </Center>
      ) : (
        <>
          <Text size="sm" c="dimmed">{h.intro}</Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {due.map((s) => <TodoCard key={s.key} section={s} />)}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function TodoCard({ section }: { section: TodoSection }) {
  const count = section.total ?? section.items.length;
  const more = count - SHOWN;
  return (
    <Paper withBorder p="sm" component="section" aria-label={section.title}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={4} fz="md">{section.title}</Title>
        <Badge color="partyRed" variant="light" radius="sm">{count}</Badge>
      </Group>
      {section.error && <Text size="sm" c="red">{section.error}</Text>}
      <LinkList items={section.items.slice(0, SHOWN)} empty="" />
      {more > 0 && <Text size="xs" c="dimmed" mt={4}>{h.more(more)}</Text>}
    </Paper>
  );
}
