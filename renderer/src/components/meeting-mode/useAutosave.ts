import { useEffect, useState } from 'react';
import { ApiError, isDesktop } from '../../api/client';
import { SaveQueue, type SaveState } from './saveQueue';

/**
 * Worth trying again by itself: the service could not be reached or failed inside (the transports report both as
 * INTERNAL). A refusal of the content, or content the form itself rejects, waits for the user's next edit.
 */
const isTransient = (err: unknown) => err instanceof ApiError && err.body.code === 'INTERNAL';

/**
 * Saves what is typed ~600 ms after the typing stops, one save at a time, and at once when the window is hidden
 * or closed (a closing laptop lid hides it first). Leaving a browser tab with unsaved changes asks first.
 */
export function useAutosave<T>(save: (value: T) => Promise<void>, delay = 600) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [queue] = useState(() => new SaveQueue<T>({ delay, onState: setState, isTransient }));
  // The newest save function (it closes over the latest render), handed over before any save can run.
  useEffect(() => queue.setSaver(save));

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void queue.flush();
    };
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!queue.dirty) return;
      void queue.flush();
      // A browser tab asks before closing. Electron would silently refuse to close the window instead, and there
      // the local copy already keeps what is typed until the next visit saves it.
      if (!isDesktop) e.preventDefault();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', onUnload);
      void queue.flush();
    };
  }, [queue]);

  return { state, push: (v: T) => queue.push(v), flush: () => queue.flush(), dirty: () => queue.dirty };
}
