import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { zh } from '../i18n/zh-CN';

/**
 * Asks before a delete, saying exactly what goes, then runs it; a refusal (records still point here) is shown
 * for long enough to read.
 */
export function confirmDelete(o: { title: string; body: string; confirm: string; run: () => Promise<unknown>; done: string; onDone?: () => void }) {
  modals.openConfirmModal({
    title: o.title,
    children: <Text size="sm">{o.body}</Text>,
    labels: { confirm: o.confirm, cancel: zh.common.cancel },
    confirmProps: { color: 'red' },
    onConfirm: () =>
      void o.run().then(
        () => (notifications.show({ message: o.done }), o.onDone?.()),
        (err: Error) => notifications.show({ color: 'red', message: err.message, autoClose: 8000 }),
      ),
  });
}
