import { Button, Drawer, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { zh } from '../i18n/zh-CN';

/**
 * The record drawer on the right: Enter moves to the next field, Ctrl+Enter saves, Esc closes —
 * asking first when something was typed, so a stray key never loses a form.
 */
export function FormDrawer(props: {
  opened: boolean;
  title: ReactNode;
  dirty: boolean;
  submitting?: boolean;
  onClose: () => void;
  /** May return the submit's result: `false` (not saved) moves the focus to the first field with an error. */
  onSave: () => unknown;
  saveLabel?: string;
  size?: string | number;
  children: ReactNode;
  extraActions?: ReactNode;
}) {
  const close = () => {
    if (!props.dirty) return props.onClose();
    modals.openConfirmModal({
      title: zh.common.unsavedTitle,
      children: <Text size="sm">{zh.common.unsavedBody}</Text>,
      labels: { confirm: zh.common.discard, cancel: zh.common.keepEditing },
      confirmProps: { color: 'red' },
      onConfirm: props.onClose,
    });
  };

  // A refused save must never look like nothing happened: the first error may be below the fold.
  const contentRef = useRef<HTMLDivElement>(null);
  const save = () => {
    void Promise.resolve(props.onSave()).then((ok) => {
      if (ok === false) requestAnimationFrame(() => focusFirstError(contentRef.current));
    });
  };

  // Ctrl+Enter saves from any field, also from one that keeps Enter for itself (a resolution's line adds it and
  // stops the key there): caught on the way down, and run once the field has handled the key too — what it added
  // with that key is then part of the form being saved (the newest render's onSave, hence the ref).
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  });
  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    setTimeout(() => saveRef.current(), 0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    const isTextLine = target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox';
    // Comboboxes use Enter to pick an option; leave them alone while their list is open.
    if (e.key === 'Enter' && isTextLine && target.getAttribute('aria-expanded') !== 'true') {
      e.preventDefault();
      focusNext(e.currentTarget, target);
    }
  };

  return (
    <Drawer
      opened={props.opened}
      onClose={close}
      title={<Text fw={600} size="lg">{props.title}</Text>}
      position="right"
      size={props.size ?? 520}
      closeOnEscape
      closeButtonProps={{ 'aria-label': zh.common.close }}
      closeOnClickOutside={false}
      scrollAreaComponent={ScrollArea.Autosize}
    >
      <Stack gap="sm" onKeyDownCapture={onKeyDownCapture} onKeyDown={onKeyDown} ref={contentRef}>
        {props.children}
        <FirstFieldFocus />
        <Group justify="space-between" mt="md">
          <Text size="xs" c="dimmed">{zh.common.shortcutsHint}</Text>
          <Group gap="xs">
            {props.extraActions}
            <Button variant="default" onClick={close}>{zh.common.cancel}</Button>
            <Button onClick={save} loading={props.submitting}>{props.saveLabel ?? zh.common.save}</Button>
          </Group>
        </Group>
      </Stack>
    </Drawer>
  );
}

const FIELD = 'input:not([disabled]):not([type="hidden"]), textarea:not([disabled])';
const TYPED_FIELD = 'input:not([disabled]):not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([role="combobox"]):not([readonly]), textarea:not([disabled])';

/**
 * Opens the drawer with the caret in its first field (or the one a form focused with autoFocus). Mantine's focus
 * trap, a moment after opening, focuses `[data-autofocus]` or else the first tabbable element — the × — and the
 * blur that took from an autofocused field showed its error before anything was typed, and ate the first key.
 * Rendered after the form's fields, so its layout effect runs once they (and React's autoFocus) are in place and
 * before the trap's timer.
 */
function FirstFieldFocus() {
  // Its own element: the form's container gets its ref only after this child's layout effect has run.
  const marker = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const root = marker.current?.parentElement;
    if (!root || root.querySelector('[data-autofocus]')) return;
    const active = document.activeElement;
    // A select focused on opening would open its list over the form: the first typed field, unless there is none.
    const target = active instanceof HTMLElement && root.contains(active) && active.matches(FIELD)
      ? active
      : root.querySelector<HTMLElement>(TYPED_FIELD) ?? root.querySelector<HTMLElement>(FIELD);
    target?.setAttribute('data-autofocus', '');
  }, []);
  return <span ref={marker} hidden />;
}

function focusFirstError(container: HTMLElement | null) {
  const field = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
  field?.scrollIntoView({ block: 'center' });
  field?.focus({ preventScroll: true });
}

function focusNext(container: HTMLElement, from: HTMLElement) {
  const focusables = Array.from(
    container.querySelectorAll<HTMLElement>('input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), button[data-next-stop]'),
  ).filter((el) => el.offsetParent !== null);
  const i = focusables.indexOf(from);
  focusables[i + 1]?.focus();
}
