import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The window's import graph (relative imports between renderer/src files, type-only ones included): the shell
 * (app/) reaches the modules only through renderer/src/modules.ts, and nothing imports in a circle — before the
 * manifests, app/routes.tsx imported every module's pages while modules imported the shell's route types and
 * the home page imported their to-do hooks.
 */
const root = resolve(__dirname, '../../renderer/src');
const shared = new Set(['app', 'api', 'components', 'i18n']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const specifiers = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm;

function importsOf(file: string): string[] {
  const found: string[] = [];
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(specifiers)) {
    const base = resolve(dirname(file), spec!);
    const target = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
      (p) => p.startsWith(root) && existsSync(p) && /\.tsx?$/.test(p),
    );
    if (target) found.push(target);
  }
  return found;
}

const graph = new Map(sources(root).map((f) => [f, importsOf(f)]));
const name = (f: string) => relative(root, f);
/** The first folder under renderer/src ('app', 'party'…), or '' for modules.ts and main.tsx. */
const area = (f: string) => (name(f).includes('/') ? name(f).split('/')[0]! : '');
const isModule = (f: string) => area(f) !== '' && !shared.has(area(f));

function findCycle(): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (f: string): string[] | null => {
    if (state.get(f) === 'done') return null;
    if (state.get(f) === 'open') return [...path.slice(path.indexOf(f)), f].map(name);
    state.set(f, 'open');
    path.push(f);
    for (const next of graph.get(f) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of graph.keys()) {
    const cycle = visit(f);
    if (cycle) return cycle;
  }
  return null;
}

describe('the renderer import graph', () => {
  it('sees the files and their imports', () => {
    expect(graph.get(join(root, 'modules.ts'))).toContain(join(root, 'party/module.ts'));
  });

  it('has no import cycle', () => {
    expect(findCycle()).toBeNull();
  });

  it('lets the shell reach a module only through renderer/src/modules.ts', () => {
    const direct = [...graph].flatMap(([f, targets]) =>
      area(f) === 'app' ? targets.filter(isModule).map((t) => `${name(f)} → ${name(t)}`) : [],
    );
    expect(direct).toEqual([]);
  });
});
