import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { channelNames } from '../../main/api/contract';

/**
 * The window's import graph (relative imports between renderer/src files, type-only ones included): the shell
 * (app/) reaches the modules only through renderer/src/modules.ts, and nothing imports in a circle — before the
 * manifests, app/routes.tsx imported every module's pages while modules imported the shell's route types and
 * the home page imported their to-do hooks. One edge is left out, on purpose: api/contract.ts names the manifests'
 * list as a type only, to merge the window's API from their contracts (types, so nothing runs in that circle).
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

const apiType = join(root, 'api/contract.ts');
const manifests = join(root, 'modules.ts');
const graph = new Map(sources(root).map((f) => [f, importsOf(f).filter((t) => !(f === apiType && t === manifests))]));
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

/**
 * What the renderer's typecheck reads (`tsc -p renderer/tsconfig.json`): the shared files and, through their
 * `import type`s, db/'s row-type files — never a repository, better-sqlite3's typings or @types/node, which would
 * make `Buffer` and `process` type-check in code that runs in the window. A probe file using both is compiled
 * with the renderer's own program and must fail.
 */
describe("the renderer's typecheck", () => {
  const repo = resolve(__dirname, '../..');
  const parsed = ts.getParsedCommandLineOfConfigFile(join(repo, 'renderer/tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  })!;
  const probe = join(repo, 'renderer/src/node-globals-probe.ts');
  const probeText = "export const bytes = Buffer.from('x');\nexport const home = process.env.HOME;\n";
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    resolve(file) === probe ? ts.createSourceFile(file, probeText, language) : getSourceFile(file, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => resolve(file) === probe || fileExists(file);
  const program = ts.createProgram({ rootNames: [...parsed.fileNames, probe], options: parsed.options, host });
  const files = program.getSourceFiles().map((f) => f.fileName);
  const ours = files.filter((f) => !f.includes('/node_modules/')).map((f) => relative(repo, f));

  it('reads the shared files and the row types they name', () => {
    expect(ours).toContain('main/api/party/contract.ts');
    expect(ours).toContain('db/party/types.ts');
  });

  it("types the window's API with exactly the core's channels (one line per module on each side)", () => {
    const checker = program.getTypeChecker();
    const file = program.getSourceFile(apiType)!;
    const declared = checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).find((s) => s.name === 'Contract')!;
    const windowChannels = checker.getDeclaredTypeOfSymbol(declared).getProperties().map((p) => p.name);
    expect(windowChannels.sort()).toEqual([...channelNames].sort());
  });

  it('reads not the core\'s merged contract, which brings every handler', () => {
    expect(ours).not.toContain('main/api/contract.ts');
    expect(ours).not.toContain('main/api/handlers.ts');
  });

  it('reads no repository of db/, only its row-type files', () => {
    expect(ours.filter((f) => f.startsWith('db/') && !/^db\/([^/]+\/)?types(-[\w-]+)?\.ts$/.test(f))).toEqual([]);
  });

  it("reads neither Node's typings nor better-sqlite3's", () => {
    expect(files.filter((f) => /\/node_modules\/(@types\/node|@types\/better-sqlite3|better-sqlite3)\//.test(f))).toEqual([]);
  });

  it('refuses Buffer and process in a renderer file', () => {
    const errors = program.getSemanticDiagnostics(program.getSourceFile(probe)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
    expect(errors).toEqual([expect.stringContaining("'Buffer'"), expect.stringContaining("'process'")]);
  });
});
