import { ActionIcon, AppShell, Badge, Center, Group, Loader, Menu, Modal, NavLink, ScrollArea, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconDatabase, IconKey, IconLock, IconLogout, IconSearch, IconUser } from '@tabler/icons-react';
import { Suspense } from 'react';
import { roleLabels } from '../../../main/api/common/roles';
import type { AccountView, SystemStatus } from '../../../main/api/system/contract';
import { fmtTimestamp } from '../components/format';
import { accountsText } from '../i18n/accounts';
import { zh } from '../i18n/zh-CN';
import { ChangePasswordForm } from './ChangePassword';
import { useIdle } from './idle';
import { endSession } from './session';
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

const th = accountsText.header;

/** Who is signed in, and the way out: change the password, sign out; the lock beside it. */
function AccountMenu({ account, onLock }: { account: AccountView; onLock: () => void }) {
  const [changing, { open, close }] = useDisclosure(false);
  return (
    <Group gap={4} wrap="nowrap">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={`${th.account}：${account.name}`}>
            <Group gap={4} wrap="nowrap">
              <IconUser size={16} />
              <Text size="sm" data-testid="signed-in-account">{account.name}（{roleLabels[account.role]}）</Text>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconKey size={14} />} onClick={open}>{th.changePassword}</Menu.Item>
          <Menu.Item leftSection={<IconLogout size={14} />} onClick={() => void endSession('logout', account.name)}>{th.signOut}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Tooltip label={th.lock}>
        <ActionIcon variant="subtle" color="gray" aria-label={th.lock} onClick={onLock}><IconLock size={18} /></ActionIcon>
      </Tooltip>
      <Modal opened={changing} onClose={close} title={th.changePassword}>
        <ChangePasswordForm onDone={close} onCancel={close} />
      </Modal>
    </Group>
  );
}

/** While a page's chunk loads (lazyPage): the navigation and header stay, a loader fills the content area. */
function PageLoading() {
  return <Center flex={1} mih={200}><Loader size="sm" aria-label={zh.common.loading} /></Center>;
}

export function Shell({ status, account }: { status: SystemStatus; account: AccountView }) {
  const route = useRoute();
  const def = routes.find((r) => r.path === route.path) ?? routes[0]!;
  const Page = def.component;
  const lock = () => void endSession('lock', account.name);
  useHotkeys([['mod+K', () => openSearch()], ['mod+L', lock]], []);
  // A bare page is meeting mode: the screen is in use during the meeting, so it never locks there.
  useIdle(status.lockMinutes, !!def.bare, lock);

  if (def.bare) {
    return (
      <ErrorBoundary resetKey={route.path}>
        <Suspense fallback={<PageLoading />}>
          <Page />
        </Suspense>
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
            <AccountMenu account={account} onLock={lock} />
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
          <Suspense fallback={<PageLoading />}>
            <Page />
          </Suspense>
        </ErrorBoundary>
      </AppShell.Main>
      <GlobalSearch />
    </AppShell>
  );
}
