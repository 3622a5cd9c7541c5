/**
 * Writes the package format's JSON Schema files to docs/package-format/ (`npm run schemas`), generated from the
 * zod schemas the importer checks with (main/export/package/json-schema.ts). Run it after changing a package
 * table or the manifest and commit the result; tests/unit/package-schema.test.ts fails while they differ.
 */
import fs from 'node:fs';
import path from 'node:path';
import { publishedTables } from '../main/api/submission/modules';
import { packageJsonSchemas, schemaText } from '../main/export/package/json-schema';

const SCHEMA_DIR = path.join(import.meta.dirname, '..', 'docs', 'package-format');

const files = packageJsonSchemas(publishedTables);
fs.rmSync(SCHEMA_DIR, { recursive: true, force: true });
fs.mkdirSync(SCHEMA_DIR, { recursive: true });
for (const [name, schema] of files) fs.writeFileSync(path.join(SCHEMA_DIR, name), schemaText(schema));
console.log(`已写入 ${files.size} 个 JSON Schema 文件到 ${path.relative(process.cwd(), SCHEMA_DIR)}/`);
