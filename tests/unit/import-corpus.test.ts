import { describe, expect, it } from 'vitest';
import { rosterWorkbook } from '../fixtures/import/make';
import { upload } from './import-files';
import { partyFixture } from './party-fixture';

/** The real-layout corpus (tests/fixtures/import/make.ts) through the real router on a real SQLite file. */

async function roster() {
  const t = await partyFixture();
  const file = await upload(rosterWorkbook(), '西里社区党员花名册.xlsx');
  const analysis = await t.call('import.analyse', { register: 'party.members', file });
  const request = { register: 'party.members', file, sheet: analysis.sheet, headerRow: analysis.headerRow, mapping: analysis.mapping };
  return { ...t, file, analysis, request };
}

describe('the community roster (花名册)', () => {
  it('reads the two-row header merged by group: the lower line names the fields', async () => {
    const { analysis } = await roster();
    expect(analysis.headerRow).toBe(3);
    const letter = (key: string) => analysis.columns[analysis.mapping[key]!]?.letter;
    expect({ name: letter('name'), birth: letter('birthDate'), id: letter('idNumber'), joined: letter('joinedOn'), category: letter('category'), branch: letter('branch'), note: letter('note') })
      .toEqual({ name: 'B', birth: 'D', id: 'E', joined: 'F', category: 'H', branch: 'K', note: 'L' });
  });
});
