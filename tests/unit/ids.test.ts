import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';

describe('record ids', () => {
  it('are unique and in creation order, and random apart from the time, across refills of the random pool', () => {
    // One id in each of 600 milliseconds: each takes 16 random characters, so the 4 KB pool is refilled twice.
    const ids: string[] = [];
    for (let i = 0; i < 600; i++) {
      const start = performance.now();
      ids.push(newId(), newId());
      while (performance.now() - start < 1.05);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // Ids made in different milliseconds have different random parts.
    const randomParts = new Set(ids.filter((_, i) => i % 2 === 0).map((id) => id.slice(10)));
    expect(randomParts.size).toBe(600);
    expect(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true);
  });
});
