/**
 * A copy of what is typed in meeting mode, kept in the browser's storage until the service has it: closing the
 * laptop or the window mid-save loses nothing, and the next visit to the same meeting saves it.
 */
const PREFIX = 'streetdesk.meetingDraft.';

export function keepDraft<T>(key: string, value: T): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the autosave still runs, there is only no second copy.
  }
}

export function readDraft<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function dropDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to clean up when storage is unavailable.
  }
}
