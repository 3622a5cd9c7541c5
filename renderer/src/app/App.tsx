import { Center, Loader, MantineProvider, Text } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useApiQuery } from '../api/queries';
import { ErrorBoundary } from './ErrorBoundary';
import { MustChangePasswordPage } from './ChangePassword';
import { lockedAs, useSession } from './session';
import { SetupPage } from './SetupPage';
import { FirstPasswordPage, RecoveryCodePage, SignInPage } from './SignInPage';
import { Shell } from './Shell';
import { cssVariablesResolver, theme } from './theme';

dayjs.locale('zh-cn');

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

/**
 * What the window may show: first-start setup, the first password of an upgraded installation, the sign-in (or the
 * locked screen), the forced change of a reset password — and only then the data. A new or ended session drops
 * every cached answer, so nothing of one account's screens (or of the locked screen's owner) stays in memory.
 */
function Gate() {
  const session = useSession();
  const client = useQueryClient();
  useEffect(() => void client.resetQueries(), [client, session]);
  // A session the core no longer knows (it restarted; the account was disabled) answers with no account: sign in.
  const status = useApiQuery('system.getStatus', {});
  if (status.isPending) return <Center h="100vh"><Loader /></Center>;
  if (status.isError) return <Center h="100vh"><Text c="red">{status.error.message}</Text></Center>;
  const { installation, firstPasswordFor, account, sealed, encrypted, recoveryCode } = status.data;
  // Whose screen is locked: the core's word (a window opened afresh), else this tab's own lock still on its way there.
  const locked = status.data.locked?.name ?? lockedAs();
  // Encrypted and not opened since the start, or closed by the lock: only a sign-in (or the recovery code) opens it.
  if (sealed) return <SignInPage unitName={sealed.unitName} encrypted locked={locked} />;
  if (!installation) return <SetupPage />;
  if (firstPasswordFor) return <FirstPasswordPage name={firstPasswordFor} />;
  if (!session || !account) return <SignInPage unitName={installation.unitName} encrypted={encrypted} locked={locked} />;
  if (recoveryCode) return <RecoveryCodePage code={recoveryCode} />;
  if (account.mustChangePassword) return <MustChangePasswordPage name={account.name} />;
  return <Shell status={status.data} account={account} />;
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <ModalsProvider labels={{ confirm: '确定', cancel: '取消' }}>
            {/* Bottom centre: top right covered the filters and the post pickers below them (issue 15), bottom right a
                drawer's 保存; a few at a time, so a run of saves does not stack up the screen. */}
            <Notifications position="bottom-center" limit={3} />
            <ErrorBoundary>
              <Gate />
            </ErrorBoundary>
          </ModalsProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
