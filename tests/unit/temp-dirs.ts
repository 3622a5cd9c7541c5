import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const madeDirs: string[] = [];

/** A fresh folder of this test file's own, removed after the file's last test (tests/unit/setup.ts). */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-test-'));
  madeDirs.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made in this test file (a data folder is ~0.4 GB at street scale). */
export function removeTempDirs(): void {
  for (const dir of madeDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
