import fs from 'node:fs';
import path from 'node:path';

/**
 * What the shell remembers between runs, beside the data (in userData, not the data folder: it belongs to this
 * user's desktop, not to the registers): the folder exports were last saved to, the window's size and place.
 * A missing or unreadable file is simply no memory; it is never a reason not to start.
 */
export interface ShellState {
  lastSaveDir?: string;
  window?: { x: number; y: number; width: number; height: number; maximized: boolean };
}

export const SHELL_STATE_FILE = 'shell-state.json';

export function readShellState(file: string): ShellState {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as ShellState) : {};
  } catch {
    return {};
  }
}

/** Merges `patch` in and writes through a temporary file, so a crash mid-write never leaves half a file. */
export function updateShellState(file: string, patch: Partial<ShellState>): void {
  const next = { ...readShellState(file), ...patch };
  const tmp = `${file}.tmp`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(tmp, JSON.stringify(next, null, 2));
  fs.renameSync(tmp, file);
}
