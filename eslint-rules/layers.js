import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `layers/imports`: what a file may import, by where the import lands. ESLint's `no-restricted-imports` only sees
 * static `import`/`export … from` and matches the specifier as written, so `import('…')` and `require('…')` slipped
 * through, and an allow-list was impossible (`'../x'` may or may not leave the folder). This rule resolves each
 * relative specifier against the file's folder and checks every way of reaching a module: static imports and
 * re-exports, `import()`, `require()`, `import x = require()`, `typeof import('…')`. A specifier that is not a
 * literal cannot be checked, so it is refused.
 *
 * Options: `{ allow?, forbid? }`. `allow` makes the layer an allow-list (anything else is refused with its
 * message); each `forbid` entry refuses what it matches. Both match with
 *   files:         repo-relative globs without extension (`renderer/**`, `main/api/common/**`)
 *   packages:      npm package names, `*` allowed (`@mantine/*`)
 *   builtins:      true for Node's built-in modules, with or without `node:`
 *   typeOnlyFiles: (allow only) files that may be reached by type-only imports, which are erased when compiled
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const codeExtension = /\.(d\.ts|tsx?|mjs|cjs|js)$/;

function globToRegExp(glob) {
  const body = glob.split('**/').map((part) => part.split('**').map((p) => p.split('*').map(escape).join('[^/]*')).join('.*')).join('(?:.*/)?');
  return new RegExp(`^${body}$`);
}
const escape = (s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
const matchesAny = (globs = [], value) => globs.some((g) => globToRegExp(g).test(value));

/** What a specifier names: a file of the repository, a Node built-in or an npm package. */
function classify(specifier, filename) {
  const spec = specifier.replace(/\?.*$/, ''); // Vite's `?raw`, `?url`
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const file = path.relative(root, path.resolve(path.dirname(filename), spec)).split(path.sep).join('/');
    return { kind: 'file', name: file.replace(codeExtension, '') };
  }
  if (isBuiltin(spec)) return { kind: 'builtin', name: spec };
  const parts = spec.split('/');
  return { kind: 'package', name: spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] };
}

function matches(entry, target, typeOnly) {
  if (target.kind === 'builtin') return entry.builtins === true;
  if (target.kind === 'package') return matchesAny(entry.packages, target.name);
  return matchesAny(entry.files, target.name) || (typeOnly && matchesAny(entry.typeOnlyFiles, target.name));
}

const literal = (node) => {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
};

const targetSchema = {
  files: { type: 'array', items: { type: 'string' } },
  packages: { type: 'array', items: { type: 'string' } },
  builtins: { type: 'boolean' },
  message: { type: 'string' },
};

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Layering: what a file may import, by where the import lands (static, import(), require)' },
    schema: [{
      type: 'object',
      additionalProperties: false,
      properties: {
        allow: {
          type: 'object', additionalProperties: false, required: ['message'],
          properties: { ...targetSchema, typeOnlyFiles: { type: 'array', items: { type: 'string' } } },
        },
        forbid: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, required: ['message'], properties: targetSchema },
        },
      },
    }],
    messages: {
      layer: '{{message}}（{{specifier}}）',
      dynamic: 'import()/require() 的路径必须是字面量，分层检查才能看见它',
    },
  },
  create(context) {
    const { allow, forbid = [] } = context.options[0] ?? {};
    const filename = context.filename;

    function check(node, specifier, typeOnly) {
      if (specifier === null) {
        context.report({ node, messageId: 'dynamic' });
        return;
      }
      const target = classify(specifier, filename);
      if (allow && !matches(allow, target, typeOnly)) {
        context.report({ node, messageId: 'layer', data: { message: allow.message, specifier } });
      }
      for (const entry of forbid) {
        if (matches(entry, target, typeOnly)) context.report({ node, messageId: 'layer', data: { message: entry.message, specifier } });
      }
    }

    // `import { type A } from` is erased too: verbatimModuleSyntax is off (tsconfig.base.json).
    const typeOnlyImport = (node) => node.importKind === 'type'
      || (node.specifiers.length > 0 && node.specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type'));

    return {
      ImportDeclaration: (node) => check(node, node.source.value, typeOnlyImport(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, literal(node.source), false),
      TSImportType: (node) => check(node, literal(node.argument?.literal ?? node.argument), true),
      TSImportEqualsDeclaration: (node) => node.moduleReference.type === 'TSExternalModuleReference'
        && check(node, literal(node.moduleReference.expression), node.importKind === 'type'),
      CallExpression: (node) => node.callee.type === 'Identifier' && node.callee.name === 'require'
        && check(node, literal(node.arguments[0]), false),
    };
  },
};

export default { meta: { name: 'layers' }, rules: { imports: importsRule } };
