import { describe, expect, it } from 'vitest';
import { channelNames, contract } from '../../main/api/contract';
import { coreModules, handlers } from '../../main/api/handlers';

/** The contract is listed apart from the core's manifests (the renderer reads it): they must agree. */
describe('the core modules and the contract', () => {
  it('each module serves its own channels, the same ones the contract lists', () => {
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

  it('names every module once', () => {
    const names = coreModules.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
