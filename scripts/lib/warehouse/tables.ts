import { recordJsonSchema, type JsonSchema } from '../../../main/export/package/json-schema';
import type { PackageTable } from '../../../main/export/types';

/**
 * The warehouse's tables, made from the package format's JSON Schema (docs/package-format/), so a city's database
 * has a typed column for every field a package carries and the schema's Chinese names as column comments
 * (docs/warehouse.md). One table per package table (`party.members` → `party_members`), keyed by the unit's code
 * and the record's id, plus the bookkeeping tables: units, packages, what each unit sent per period, the pinned
 * keys and the refused files.
 */

export interface Column {
  /** The field in the package (`joinedOn`). */
  field: string;
  /** Its column (`joined_on`). */
  column: string;
  /** The PostgreSQL type, and how a JSON value is read into it (`(r->>'joinedOn')::date`). */
  type: string;
  read: string;
  comment: string;
}

export interface WarehouseTable {
  def: PackageTable;
  /** `party_members`. */
  name: string;
  columns: Column[];
}

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const quoteLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** The SQL type of a JSON Schema field (nullable or not: every data column admits NULL, see below). */
function sqlTypeOf(field: JsonSchema): string {
  const value = (field.anyOf as JsonSchema[] | undefined)?.find((s) => s.type !== 'null') ?? field;
  if (value.type === 'integer') return 'bigint';
  if (value.type === 'number') return 'double precision';
  if (value.type === 'boolean') return 'boolean';
  if (value.type === 'string' && value.format === 'date') return 'date';
  if (value.type === 'string' && value.format === 'date-time') return 'timestamptz';
  if (value.type === 'string') return 'text';
  return 'jsonb';
}

/** `id` is part of the key, not a data column; every other field of the record is one. */
export function warehouseTable(def: PackageTable): WarehouseTable {
  const properties = recordJsonSchema(def).properties as Record<string, JsonSchema>;
  const columns = Object.entries(properties)
    .filter(([field]) => field !== 'id')
    .map(([field, schema]): Column => {
      const type = sqlTypeOf(schema);
      const read = type === 'jsonb' ? `(r->'${field}')` : `(r->>'${field}')::${type}`;
      const comment = [schema.title, schema.description].filter(Boolean).join('：');
      return { field, column: snake(field), type, read, comment: `${comment}（字段 ${field}）` };
    });
  return { def, name: def.name.replace('.', '_'), columns };
}

const q = (schema: string, name: string) => `"${schema}"."${name}"`;

/**
 * Everything the warehouse needs, created if missing — and columns a newer StreetDesk's tables added, added: a run
 * after an upgrade extends the tables in place. Data columns admit NULL (a column added later is NULL in rows
 * loaded before); whether a field may be null in a package is the JSON Schema's to say.
 */
export function createStatements(schema: string, tables: readonly WarehouseTable[]): string[] {
  const s = (name: string) => q(schema, name);
  const statements = [
    `CREATE SCHEMA IF NOT EXISTS "${schema}"`,
    `CREATE TABLE IF NOT EXISTS ${s('units')} (
      code text PRIMARY KEY, level text NOT NULL, name text NOT NULL, parent_code text,
      period text NOT NULL, exported_at timestamptz NOT NULL, package_id text NOT NULL)`,
    `COMMENT ON TABLE ${s('units')} IS '单位（社区、街道）：最新一次导出的月份和时间；parent_code 为上级单位代码'`,
    `CREATE TABLE IF NOT EXISTS ${s('packages')} (
      package_id text PRIMARY KEY, source_code text NOT NULL, source_level text NOT NULL, source_name text NOT NULL,
      period text NOT NULL, created_at timestamptz NOT NULL, created_by text NOT NULL, fingerprint text NOT NULL,
      personal_data text NOT NULL, file_name text NOT NULL, file_sha256 text NOT NULL, rows bigint NOT NULL,
      loaded_at timestamptz NOT NULL DEFAULT now(), manifest jsonb NOT NULL)`,
    `COMMENT ON TABLE ${s('packages')} IS '已装入的数据包，每个一行（manifest 为清单原文）'`,
    `CREATE TABLE IF NOT EXISTS ${s('unit_periods')} (
      package_id text NOT NULL REFERENCES ${s('packages')}, unit_code text NOT NULL, period text NOT NULL,
      exported_at timestamptz NOT NULL, PRIMARY KEY (package_id, unit_code))`,
    `COMMENT ON TABLE ${s('unit_periods')} IS '各单位各月报送的数据：哪个数据包带来了哪个单位哪个月份的数据、该单位的导出时间'`,
    `CREATE TABLE IF NOT EXISTS ${s('unit_keys')} (
      unit_code text PRIMARY KEY, public_key text NOT NULL UNIQUE, fingerprint text NOT NULL,
      pinned_at timestamptz NOT NULL DEFAULT now(), package_id text NOT NULL)`,
    `COMMENT ON TABLE ${s('unit_keys')} IS '各报送单位的签名公钥，首个数据包时记录；之后换了密钥的数据包被拒绝'`,
    `CREATE TABLE IF NOT EXISTS ${s('refused')} (
      at timestamptz NOT NULL DEFAULT now(), file_name text NOT NULL, file_sha256 text NOT NULL, reason text NOT NULL,
      message text NOT NULL, source_code text, package_id text)`,
    `COMMENT ON TABLE ${s('refused')} IS '被拒绝的文件及原因（未装入任何数据）'`,
  ];
  for (const t of tables) {
    statements.push(
      `CREATE TABLE IF NOT EXISTS ${s(t.name)} (
        unit_code text NOT NULL, id text NOT NULL,
        exported_at timestamptz NOT NULL, package_id text NOT NULL, removed boolean NOT NULL DEFAULT false,
        PRIMARY KEY (unit_code, id))`,
      `COMMENT ON TABLE ${s(t.name)} IS ${quoteLiteral(`${t.def.title}（${t.def.name}），每个单位的每条记录一行`)}`,
      `COMMENT ON COLUMN ${s(t.name)}.unit_code IS '报送该记录的单位代码（units.code）'`,
      `COMMENT ON COLUMN ${s(t.name)}.id IS '记录编号（ULID），跨单位唯一'`,
      `COMMENT ON COLUMN ${s(t.name)}.exported_at IS '写入这一版本的导出时间（该单位的）：较新的导出才会覆盖'`,
      `COMMENT ON COLUMN ${s(t.name)}.removed IS '报送单位已删除（较新的数据包覆盖范围内不再有它）'`,
    );
    for (const c of t.columns) {
      statements.push(
        `ALTER TABLE ${s(t.name)} ADD COLUMN IF NOT EXISTS "${c.column}" ${c.type}`,
        `COMMENT ON COLUMN ${s(t.name)}."${c.column}" IS ${quoteLiteral(c.comment)}`,
      );
    }
  }
  return statements;
}
