import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules, proved: each file in tests/lint-fixtures/ breaks one rule (or keeps them all) and says where
 * it would live (`// at:`) and what lint must say (`// rejects: <rule>` or `// accepts:`). It is linted as if it
 * were at that path, with the project's own eslint.config.js, so a rule that stops firing fails here.
 */
const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/lint-fixtures');

function fixture(file: string) {
  const text = readFileSync(path.join(fixtures, file), 'utf8');
  const at = /^\/\/ at: (\S+)/m.exec(text)?.[1];
  const rejects = /^\/\/ rejects: (\S+)/m.exec(text)?.[1];
  if (!at) throw new Error(`${file}: no "// at:" line`);
  if (!rejects && !/^\/\/ accepts:/m.test(text)) throw new Error(`${file}: neither "// rejects:" nor "// accepts:"`);
  return { file, text, at, rejects };
}

const all = readdirSync(fixtures).filter((f) => f.endsWith('.ts')).sort().map(fixture);
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });

async function lint(f: ReturnType<typeof fixture>) {
  const [result] = await eslint.lintText(f.text, { filePath: path.join(root, f.at) });
  return result!.messages;
}

describe('layering lint', () => {
  it('has a fixture for each way of reaching a module and each layer', () => {
    const names = all.map((f) => f.file).join(' ');
    for (const kind of ['imports', 'dynamic', 'require', 'reexports', 'type-imports']) expect(names).toContain(kind);
    for (const layer of ['db-', 'main-', 'shared-', 'renderer-', 'preload-', 'clock-']) expect(names).toContain(layer);
  });

  it.each(all.filter((f) => f.rejects))('rejects $file', async (f) => {
    const messages = await lint(f);
    expect(messages.map((m) => m.ruleId)).toContain(f.rejects);
    expect(messages.every((m) => m.severity === 2)).toBe(true);
  });

  it.each(all.filter((f) => !f.rejects))('accepts $file', async (f) => {
    expect(await lint(f)).toEqual([]);
  });
});
