import { z } from 'zod';
import { FEN_MAX } from '../record-fields';
import type { PackageTable } from '../types';
import { Manifest, PACKAGE_FORMAT, PACKAGE_VERSION, unitCode } from './manifest';

/**
 * The package format as JSON Schema (draft 2020-12), for a receiver that is not StreetDesk — a city's database
 * team, or a validator of its own (docs/package-format.md). Generated from the same zod schemas the importer
 * checks with, so the published files cannot drift from what is enforced: `npm run schemas` writes them to
 * docs/package-format/, and tests/unit/package-schema.test.ts fails when the committed files differ.
 *
 * zod writes the types, patterns, bounds and `additionalProperties: false` (unknown fields are refused); this adds
 * what a reader needs to use the values: each field's Chinese name (`title`), and in `description` its unit
 * (integer fen, tenths, hundredths), date form, coded values with their Chinese labels, and links to other tables.
 */

export type JsonSchema = Record<string, unknown>;

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const SCHEMA_BASE = 'https://streetdesk.invalid/package-format/';
/** Every date field of every table is written as this pattern (the `day` pieces in the modules). */
const DAY_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}$`;

export const schemaFileOf = (name: string): string => `${name}.schema.json`;

/** Dates get `format: "date"` (zod writes only the pattern), so a loader can type them without parsing patterns. */
function dateFormat(ctx: { jsonSchema: JsonSchema }): void {
  if (ctx.jsonSchema.type === 'string' && ctx.jsonSchema.pattern === DAY_PATTERN) ctx.jsonSchema.format = 'date';
}

/** A zod schema as JSON Schema, without the dialect line (the file's root carries it once). */
function toJson(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', override: dateFormat }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** The member of a nullable field's `anyOf` that is not `null`, or the field itself. */
function valueOf(field: JsonSchema): JsonSchema {
  const anyOf = field.anyOf as JsonSchema[] | undefined;
  return anyOf?.find((s) => s.type !== 'null') ?? field;
}

/** What a field's value means beyond its type, from its name, bounds and the table's declaration. */
function meaningOf(key: string, field: JsonSchema, table: PackageTable): string[] {
  const value = valueOf(field);
  const notes: string[] = [];
  if (value.type === 'integer' && value.maximum === FEN_MAX) notes.push('金额，单位：分（整数，¥1.00 = 100）');
  if (key.endsWith('Tenths')) notes.push('单位：十分之一（整数，12.5 记作 125）');
  if (key.endsWith('Hundredths')) notes.push('单位：百分之一（整数，12.34 记作 1234）');
  if (value.format === 'date') notes.push('日期，YYYY-MM-DD');
  if (value.format === 'date-time') notes.push('时刻，ISO-8601');
  const labels = table.labels?.[key];
  if (labels) notes.push(`代码：${Object.entries(labels).map(([code, label]) => `${code} ${label}`).join('；')}`);
  const ref = table.refs?.[key];
  if (ref) notes.push(`${ref} 中记录的 id`);
  const personal = table.personal?.[key];
  if (personal) notes.push(`${personal === 'idCard' ? '身份证号' : '电话号码'}，除非报送时选择完整导出，否则为脱敏形式`);
  if (key === 'id') notes.push('记录编号（ULID），跨单位唯一标识一条记录');
  return notes;
}

/** One record of a table, with each field's Chinese name and meaning. */
export function recordJsonSchema(table: PackageTable): JsonSchema {
  const record = toJson(table.schema);
  const properties = record.properties as Record<string, JsonSchema>;
  for (const [key, field] of Object.entries(properties)) {
    const title = table.fields[key] ?? (key === 'id' ? '记录编号' : undefined);
    const notes = meaningOf(key, field, table);
    properties[key] = { ...(title ? { title } : {}), ...(notes.length ? { description: notes.join('。') } : {}), ...field };
  }
  return record;
}

/** A table file, `tables/<name>.json`: `{ table, units: { <unit code>: [record, …] } }`. */
export function tableJsonSchema(table: PackageTable): JsonSchema {
  return {
    $schema: DIALECT,
    $id: `${SCHEMA_BASE}${schemaFileOf(table.name)}`,
    title: `${table.title}（${table.name}）`,
    description: `数据包中的 tables/${table.name}.json：各单位的${table.title}记录，按单位代码分组。`,
    type: 'object',
    properties: {
      table: { const: table.name },
      units: {
        type: 'object',
        propertyNames: toJson(unitCode),
        additionalProperties: { type: 'array', items: { $ref: '#/$defs/record' } },
      },
    },
    required: ['table', 'units'],
    additionalProperties: false,
    $defs: { record: recordJsonSchema(table) },
  };
}

/** `manifest.json`. */
export function manifestJsonSchema(): JsonSchema {
  return {
    $schema: DIALECT,
    $id: `${SCHEMA_BASE}${schemaFileOf('manifest')}`,
    title: `StreetDesk 数据包清单（${PACKAGE_FORMAT}，格式版本 ${PACKAGE_VERSION}）`,
    description: '数据包中的 manifest.json。各项含义见 docs/package-format.md。',
    ...toJson(Manifest),
  };
}

/** Every published schema file: the manifest's, then one per table, by file name. */
export function packageJsonSchemas(tables: Iterable<PackageTable>): Map<string, JsonSchema> {
  const files = new Map<string, JsonSchema>([[schemaFileOf('manifest'), manifestJsonSchema()]]);
  for (const table of tables) files.set(schemaFileOf(table.name), tableJsonSchema(table));
  return files;
}

/** A schema file's text as committed: two-space JSON and a final newline. */
export const schemaText = (schema: JsonSchema): string => `${JSON.stringify(schema, null, 2)}\n`;
