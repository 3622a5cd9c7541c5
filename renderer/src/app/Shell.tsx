import { AppShell, Badge, Group, NavLink, ScrollArea, Text, Title, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconDatabase, IconSearch, IconUser } from '@tabler/icons-react';
import type { SystemStatus } from '../../../main/api/system/contract';
import { fmtTimestamp } from '../components/format';
import { zh } from '../i18n/zh-CN';
import { today } from './clock';
import { GlobalSearch, openSearch } from './GlobalSearch';
import { ErrorBoundary } from './ErrorBoundary';
import { navigation, routes } from './routes';
import { href, useRoute } from './router';

function backupLabel(status: SystemStatus): string {
  if (!status.lastBackup) return zh.header.backupNever;
  const at = fmtTimestamp(status.lastBackup.takenAt);
  return zh.header.backupAt(at.startsWith(today()) ? `今天 ${at.slice(11)}` : at);
}

export function Shell({ status }: { status: SystemStatus }) {
  const route = useRoute();
  const def = routes.find((r) => r.path === route.path) ?? routes[0]!;
  const Page = def.component;
  useHotkeys([['mod+K', () => openSearch()]], []);

  if (def.bare) {
    return (
      <ErrorBoundary resetKey={route.path}>
        <Page />
      </ErrorBoundary>
    );
  }

  const installation = status.installation!;
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={4} c="partyRed.7">{zh.app.short}</Title>
            <Badge variant="light" size="lg" radius="sm">{installation.unitName}</Badge>
          </Group>
          <UnstyledButton onClick={() => openSearch()} aria-label={zh.header.search} style={{ flex: '0 1 360px' }}>
            <Group gap={6} px="sm" py={6} style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }} wrap="nowrap">
              <IconSearch size={16} />
              <Text size="sm" c="dimmed" truncate>{zh.header.search}</Text>
            </Group>
          </UnstyledButton>
          <Group gap="md" wrap="nowrap">
            <Group gap={4} wrap="nowrap">
              <IconDatabase size={16} />
              <Text size="xs" c="dimmed" data-testid="backup-status">{backupLabel(status)}</Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              <IconUser size={16} />
              <Text size="sm">{zh.header.operator}：{installation.operator}</Text>
            </Group>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="主导航">
        <ScrollArea>
          {navigation.map((entry) =>
            entry.children ? (
              <NavLink key={entry.label} label={entry.label} leftSection={<entry.icon size={18} />} defaultOpened
                active={route.path.startsWith(entry.children[0]!.path)} variant="subtle">
                {entry.children.map((c) => (
                  <NavLink key={c.path} label={c.label} href={href(c.path)} active={route.path === c.path} />
                ))}
              </NavLink>
            ) : (
              <NavLink key={entry.label} label={entry.label} href={href(entry.path!)} leftSection={<entry.icon size={18} />}
                active={route.path === entry.path} />
            ),
          )}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
        <ErrorBoundary resetKey={route.path}>
          <Page />
        </ErrorBoundary>
      </AppShell.Main>
      <GlobalSearch />
    </AppShell>
  );
}
