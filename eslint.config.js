import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layering, enforced (after VS Code's layer rules): each layer names what it must not import.
 *   db/           — no Electron, no React, nothing from main/ (it is the bottom layer)
 *   main/ (core)  — no Electron (only main/electron/ may), no React
 *   renderer/     — no Electron, no Node built-ins, no db/, no main-process code (contracts and labels only)
 *   preload/      — Electron's renderer side only; no db/, no Node built-ins
 */
const electron = { name: 'electron', message: '只有 main/electron/ 和 preload/ 可以引用 electron' };
const react = ['react', 'react-dom', 'react/*', 'react-dom/*', '@mantine/*', '@tanstack/*', '@tabler/*'];
const nodeBuiltins = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream',
  'worker_threads', 'better-sqlite3', 'exceljs',
];
const mainOnly = ['**/db/**', '**/main/electron/**', '**/main/web/**', '**/main/core', '**/main/log', '**/main/export/**',
  '**/handlers', '**/handlers/**', '**/main/api/router', '**/main/api/context'];

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
const clockModules = ['main/clock.ts', 'renderer/src/app/clock.ts'];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'artifacts/', 'test-results/'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noEnum, ...noClock],
    },
  },
  {
    files: clockModules,
    rules: { 'no-restricted-syntax': ['error', noEnum] },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electron],
        patterns: [{ group: react, message: 'db/ 不引用界面库' }, { group: ['**/main/**'], message: 'db/ 是最底层，不引用 main/' }],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electron],
        patterns: [{ group: react, message: 'main/ 不引用界面库' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [electron],
        patterns: [
          { group: nodeBuiltins, message: '界面层不能使用 Node 模块' },
          { group: mainOnly, message: '界面层只能引用 main/api 的契约（contract）、字段和标签，不能引用数据库或主进程代码' },
        ],
      }],
    },
  },
  {
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: [...nodeBuiltins, ...mainOnly], message: 'preload 只暴露 api 对象' }],
      }],
    },
  },
);
