import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../api/client';
import { mm } from '../../i18n/meeting-mode';
import { dropDraft, keepDraft } from './localDraft';
import { useAutosave } from './useAutosave';

function issuesOf(err: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of err.issues) out[i.path.map(String).join('.')] ??= i.message;
  return out;
}

/** Not sent: the schema already says what to correct, beside the field. */
class InvalidDraft extends Error {}

/**
 * A record typed live in meeting mode: created on the first valid change and replaced as the secretary types,
 * with a local copy of whatever the service does not hold yet. Only the first options count; afterwards the
 * session owns the record (its address may switch to `?id=`).
 */
export function useLiveRecord<T extends object>(opts: {
  /** The local copy's key until the record has an id (then the id is). */
  draftKey: string;
  initialId: string | null;
  initial: T;
  /** The initial value came from the local copy of an unsaved session: save it straight away. */
  restored: boolean;
  /** The form's schema, the one the service checks with: an invalid draft is kept locally, not sent. */
  schema: z.ZodType;
  /** Creates (no id yet) or replaces the record; answers its id. */
  send: (id: string | null, value: T) => Promise<string>;
  onCreated: (id: string) => void;
  /** After each save: carries what the service answered (ids of new rows) into what was typed since. */
  adopt?: (latest: T) => T;
  /** The module's queries, dropped when the session ends: its lists and drawers read the meeting as saved. */
  queryPrefix: string;
}) {
  const [draft, setDraft] = useState(opts.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const latest = useRef(opts.initial);
  const idRef = useRef(opts.initialId);
  const keyRef = useRef(opts.initialId ?? opts.draftKey);
  const client = useQueryClient();

  const autosave = useAutosave<T>(async (value) => {
    const check = opts.schema.safeParse(value);
    if (!check.success) {
      setErrors(issuesOf(check.error));
      throw new InvalidDraft(check.error.issues[0]!.message);
    }
    try {
      const id = await opts.send(idRef.current, value);
      if (!idRef.current) {
        idRef.current = id;
        dropDraft(keyRef.current);
        keyRef.current = id;
        opts.onCreated(id);
      }
    } catch (err) {
      if (err instanceof ApiError && err.body.fields?.length) setErrors(Object.fromEntries(err.body.fields.map((f) => [f.path, f.message])));
      throw err;
    }
    setErrors({});
    const unchanged = latest.current === value;
    if (opts.adopt) {
      latest.current = opts.adopt(latest.current);
      setDraft(latest.current);
    }
    // The local copy goes once the service holds the newest state; a newer edit keeps it for its own save.
    if (unchanged) dropDraft(keyRef.current);
    else keepDraft(keyRef.current, latest.current);
  });

  const change = (patch: Partial<T>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setDraft(next);
    keepDraft(keyRef.current, next);
    autosave.push(next);
  };

  const { push } = autosave;
  useEffect(() => {
    if (opts.restored) push(latest.current);
    // Once, on mount: later renders must not push again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const { queryPrefix } = opts;
  // Reset, not only invalidated: a cached read of this record from before the session (or from its own start)
  // would otherwise open a drawer on the old state while the fresh one loads, and the form would keep it.
  useEffect(() => () => void client.resetQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(queryPrefix) }), [client, queryPrefix]);

  /** Saves what is waiting, then leaves; asks first when something could not be saved. */
  const end = async (leave: () => void) => {
    await autosave.flush();
    if (!autosave.dirty()) return leave();
    modals.openConfirmModal({
      title: mm.endTitle,
      children: <Text size="sm">{mm.endBody}</Text>,
      labels: { confirm: mm.endAnyway, cancel: mm.stay },
      confirmProps: { color: 'red' },
      onConfirm: leave,
    });
  };

  return { draft, errors, change, state: autosave.state, flush: autosave.flush, end };
}

/** Says once that a local copy came back (and is being saved). */
export function useRestoredNotice(restored: boolean) {
  useEffect(() => {
    if (restored) notifications.show({ message: mm.restored });
  }, [restored]);
}
