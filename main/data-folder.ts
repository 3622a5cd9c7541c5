import os from 'node:os';
import path from 'node:path';

/**
 * The data folder's name under the user's application-data folder. A fixed ASCII name: productName is Chinese and
 * may change, and the user's data must not move with it.
 */
export const DATA_FOLDER_NAME = 'StreetDesk';

/**
 * Electron's `app.getPath('appData')`, computed without Electron so browser mode opens the same folder as the
 * desktop app: %APPDATA% on Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere.
 */
export function appDataFolder(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
}

/** Where StreetDesk keeps its data when no folder is named: the desktop app's folder. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env, home = os.homedir()): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  return join(appDataFolder(platform, env, home), DATA_FOLDER_NAME);
}
