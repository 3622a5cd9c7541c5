import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNames, contract } from '../../main/api/contract';
import { coreModules, handlers } from '../../main/api/handlers';

const apiDir = path.resolve(__dirname, '../../main/api');

/**
 * The core's manifests make the API (main/api/contract.ts merges their contracts): each module serves its own
 * prefix, no channel twice (a merge would keep the last silently), and every module folder is listed. The window's
 * manifests are held to the same channels by tests/unit/renderer-imports.test.ts.
 */
describe('the core modules and the contract', () => {
  it('each module serves channels of its own prefix, none served twice', () => {
    for (const m of coreModules) {
      for (const [name, channel] of Object.entries(m.contract)) {
        expect(name.startsWith(`${m.name}.`), `${name} in module ${m.name}`).toBe(true);
        expect(contract[name as keyof typeof contract], name).toBe(channel);
      }
    }
    const served = coreModules.flatMap((m) => Object.keys(m.contract));
    expect(new Set(served).size).toBe(served.length);
    expect([...served].sort()).toEqual([...channelNames].sort());
  });

  it('has exactly one handler per channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
    for (const m of coreModules) expect(Object.keys(m.handlers).sort(), m.name).toEqual(Object.keys(m.contract).sort());
  });

  it('names every module once, and lists every module folder (main/api/<name>/module.ts)', () => {
    const names = coreModules.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    const folders = readdirSync(apiDir).filter((d) => existsSync(path.join(apiDir, d, 'module.ts')));
    expect([...names].sort()).toEqual(folders.sort());
  });
});
