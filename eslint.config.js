import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import layersPlugin from './eslint-rules/layers.js';

/**
 * Layering, enforced by eslint-rules/layers.js, which sees static imports, re-exports, `import()` and `require()`
 * and resolves relative paths, so a layer can be an allow-list. tests/unit/layering.test.ts proves each rule fires
 * on a fixture (tests/lint-fixtures/).
 *   db/           — the bottom: nothing from main/, renderer/, preload/; no Electron, no React
 *   main/ (core)  — no Electron (only main/electron/ may), no React
 *   shared        — the modules' contracts, schemas, labels and pure rules, which run on both sides: an allow-list (each
 *                   other, zod, and db/'s row-type files as type-only imports, which the compiler erases), so
 *                   nothing the renderer bundles — or type-checks — reaches SQLite or Node
 *   row types     — db/types.ts, db/<module>/types.ts and types-<part>.ts: the rows the contract sends; they import nothing but each
 *                   other (type-only), so the renderer's typecheck stays free of better-sqlite3 and @types/node
 *   renderer/     — an allow-list: its own files, the shared files and the UI packages
 *   preload/      — an allow-list: electron and the shared files
 *   (main/api/contract.ts, every channel merged from the core's manifests, brings handlers: the core's alone)
 */
const shared = [
  'main/api/*/contract', 'main/api/*/schemas', 'main/api/*/labels', 'main/api/*/types',
  'main/api/*/rules', 'main/api/common/**', 'main/api/party/compliance', 'main/api/volunteer/tenths',
  'main/api/property/figures', 'main/api/property/figures-contract', 'main/api/property/cards', 'main/api/property/cards-contract',
  'main/api/property/scoring', 'main/api/property/assessment-schemas', 'main/api/property/starter-template',
  'main/api/elevator/checklist', 'main/api/fund/split', 'main/api/fund/reconcile', 'main/api/fund/applications',
];
/** db/'s row-type files: a repository's rows, declared apart from its SQL so the shared files can name them. */
const rowTypes = ['db/types', 'db/*/types', 'db/*/types-*'];
const sharedFiles = shared.map((g) => (g.endsWith('**') ? `${g}/*.ts` : `${g}.ts`));
const ui = ['react', 'react-dom', '@mantine/*', '@tanstack/*', '@tabler/*', '@fontsource/*', 'dayjs'];
const noElectron = { packages: ['electron'], message: '只有 main/electron/ 和 preload/ 可以引用 electron' };
const noUi = { packages: ui, message: '界面库只在 renderer/ 里用' };
const noUpward = { files: ['renderer/**', 'preload/**'], message: '核心不引用界面层和 preload' };
const layers = (options) => ({ 'layers/imports': ['error', options] });

/**
 * Time is an input: the machine clock is read in one module per process — main/clock.ts (the core; tests and the
 * e2e server set it) and renderer/src/app/clock.ts (which follows the core's). Everything else takes the request's
 * moment (ctx.now, ctx.today, nowIso(), todayIso()). Durations use performance.now().
 */
const noEnum = { selector: 'TSEnumDeclaration', message: '用对象常量代替 enum' };
const noClock = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: '不要直接读取系统时间：用 ctx.now / ctx.today / nowIso() / todayIso()（时钟只在 main/clock.ts）' },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: '不要直接读取系统时间：时长用 performance.now()，时刻用 ctx.now / nowIso()' },
];
/** SQL lives in db/'s repository functions, which the handlers and the importers both call (one path per write). */
const noSql = { selector: "CallExpression[callee.property.name='prepare']", message: 'SQL 写在 db/ 的仓库函数里，main/ 只调用它们（表单和导入共用同一条读写路径）' };

export default tseslint.config(
  // The fixtures break the rules on purpose; tests/unit/layering.test.ts lints them at the paths they are about.
  { ignores: ['node_modules/', '.cache/', 'out/', 'dist/', 'release/', 'artifacts/', 'test-results/', 'tests/lint-fixtures/'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { layers: layersPlugin },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noEnum, ...noClock],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: layers({ forbid: [noElectron, noUi, { files: ['main/**', 'renderer/**', 'preload/**'], message: 'db/ 是最底层，不引用 main/、界面层或 preload' }] }),
  },
  {
    files: ['main/**/*.ts'],
    rules: { ...layers({ forbid: [noElectron, noUi, noUpward] }), 'no-restricted-syntax': ['error', noEnum, ...noClock, noSql] },
  },
  {
    files: ['main/clock.ts'],
    rules: { 'no-restricted-syntax': ['error', noEnum, noSql] },
  },
  {
    files: ['renderer/src/app/clock.ts'],
    rules: { 'no-restricted-syntax': ['error', noEnum] },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: layers({ forbid: [noUi, noUpward] }),
  },
  {
    // The row-type files, not the repositories: an import type is erased from the bundle, but the renderer's
    // typecheck reads what it names, and a repository brings better-sqlite3's and Node's types with it.
    files: sharedFiles,
    rules: layers({
      allow: {
        files: shared, packages: ['zod'], typeOnlyFiles: rowTypes,
        message: '契约、字段和标签也在界面层运行：只能引用彼此、zod，db/ 只能 import type 行类型文件（db/types.ts、db/<模块>/types.ts）',
      },
    }),
  },
  {
    // What the shared files may name must itself stay clear of Node and SQLite: nothing but the other row types.
    files: rowTypes.map((g) => `${g}.ts`),
    rules: layers({
      allow: { typeOnlyFiles: rowTypes, message: '行类型文件只能 import type 其他行类型文件：界面层的类型检查会读到它们' },
    }),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layers({
        allow: {
          files: ['renderer/**', ...shared], packages: [...ui, 'zod', 'ulid'],
          message: '界面层只能引用自己的文件、界面库和 main/api 的契约、字段和标签',
        },
      }),
    },
  },
  {
    // The build's own config runs in Node, never in the window.
    files: ['renderer/vite.config.ts'],
    rules: { 'layers/imports': 'off' },
  },
  {
    files: ['preload/**/*.ts'],
    rules: layers({ allow: { files: ['preload/**', ...shared], packages: ['electron'], message: 'preload 只暴露 api 对象：只能引用 electron 和契约' } }),
  },
);
