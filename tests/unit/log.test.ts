import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLogger } from '../../main/log';
import { tempDir, testClock } from './helpers';

const root = path.resolve(import.meta.dirname, '../..');
const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter((l) => /^\d{4}-\d\d-\d\dT/.test(l));

describe('the log', () => {
  it('survives a console that went away: each error logged once, no loop of EPIPE errors, the process carries on', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/log-closed-console.ts', dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    // The terminal closed (or the test runner died): nobody reads the child's output any more.
    child.stdout!.destroy();
    child.stderr!.destroy();
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    const logged = lines(path.join(dir, 'streetdesk.log'));
    expect(logged.filter((l) => l.includes('failed')).length).toBe(10);
    expect(logged.filter((l) => l.includes('EPIPE'))).toEqual([]);
  });

  it('moves itself aside past its cap, keeping one older file: it never fills the disk', () => {
    const dir = tempDir();
    const log = fileLogger(dir, testClock, 2_000);
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'x'.repeat(40)}`);
    const file = path.join(dir, 'streetdesk.log');
    expect(fs.statSync(file).size).toBeLessThan(2_200);
    expect(fs.statSync(`${file}.1`).size).toBeLessThan(2_200);
    expect(fs.readdirSync(dir).sort()).toEqual(['streetdesk.log', 'streetdesk.log.1']);
    expect(lines(file).at(-1)).toContain('line 199');
  });
});
