import fs from 'node:fs';

/**
 * Owner-only files and folders (issue 13): the data folder holds members' ID numbers, so on POSIX nothing in it
 * is readable by another user of the machine (0700 folders, 0600 files). Windows has no mode bits: there the
 * folder under %APPDATA% inherits the profile's own owner-only ACL.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and its parents) owner-only, and narrows one that already exists. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform !== 'win32') fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Narrows an existing file (a data file, its WAL, a backup) to its owner. */
export function makePrivate(file: string): void {
  if (process.platform !== 'win32' && fs.existsSync(file)) fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Writes `text` whole under a temporary name and renames it into place, owner-only from its first byte. */
export function writePrivateFile(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, text, { mode: PRIVATE_FILE_MODE });
  const fd = fs.openSync(tmp, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
