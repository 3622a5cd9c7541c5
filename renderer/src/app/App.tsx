import { Center, Loader, MantineProvider, Text } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useApiQuery } from '../api/queries';
import { ErrorBoundary } from './ErrorBoundary';
import { SetupPage } from './SetupPage';
import { Shell } from './Shell';
import { cssVariablesResolver, theme } from './theme';

dayjs.locale('zh-cn');

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

function Gate() {
  const status = useApiQuery('system.getStatus', {});
  if (status.isPending) return <Center h="100vh"><Loader /></Center>;
  if (status.isError) return <Center h="100vh"><Text c="red">{status.error.message}</Text></Center>;
  if (!status.data.installation) return <SetupPage />;
  return <Shell status={status.data} />;
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <ModalsProvider labels={{ confirm: '确定', cancel: '取消' }}>
            <Notifications position="top-right" />
            <ErrorBoundary>
              <Gate />
            </ErrorBoundary>
          </ModalsProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
