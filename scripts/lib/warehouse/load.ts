import type { ClientBase } from 'pg';
import { packageTables } from '../../../main/api/submission/modules';
import type { Manifest } from '../../../main/export/package/manifest';
import { openPackage, PackageRefused, type OpenedPackage, type OpenedTable } from '../../../main/export/package/read';
import { sha256Hex } from '../../../main/export/package/write';
import type { PackageRecord } from '../../../main/export/types';
import { verifyTables, type HeldCopies } from '../../../main/api/submission/verify-tables';
import { createStatements, warehouseTable, type WarehouseTable } from './tables';

/**
 * Loading packages into a city's PostgreSQL (docs/warehouse.md): each package checked exactly as a street's
 * StreetDesk checks it (checksums, signature, schemas, unknown fields — `openPackage`), then the warehouse's unit
 * and key rules, then written in one transaction with the street's rule for which version wins: a record is
 * replaced only by a newer export of its unit (`units[].exportedAt`), so packages may arrive in any order and
 * loading one twice changes nothing.
 */

export interface WarehouseOptions {
  /** The PostgreSQL schema the tables live in. */
  schema: string;
  /** Only units whose code begins with this (the city's 行政区划代码), when given. */
  region?: string;
  /** Units whose new signing key an operator has checked against the paper 上报汇总表: the pin moves to it. */
  acceptKeyChange?: readonly string[];
}

export interface TableCounts {
  new: number;
  updated: number;
  older: number;
  removed: number;
}

export type LoadResult =
  | { status: 'loaded'; manifest: Manifest; tables: Record<string, TableCounts>; keyChanged: boolean }
  | { status: 'already'; manifest: Manifest }
  | { status: 'refused'; reason: PackageRefused['reason']; message: string };

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** Rows per INSERT: a JSON array of this many records is one parameter (a street's members table may hold 100k). */
const CHUNK = 2_000;

export const warehouseTables: readonly WarehouseTable[] = [...packageTables.values()].map(warehouseTable);
const tableByName = new Map(warehouseTables.map((t) => [t.def.name, t]));

const refuse = (message: string, reason: PackageRefused['reason'] = 'PACKAGE_NOT_ACCEPTED') => new PackageRefused(message, reason);

function checkSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`模式名“${schema}”不合适：只能用小写字母、数字和下划线，且不以数字开头。`);
}

/** Creates (or extends) the warehouse's tables, in one transaction. */
export async function prepareWarehouse(db: ClientBase, schema: string): Promise<void> {
  checkSchemaName(schema);
  await db.query('BEGIN');
  try {
    // Two loaders starting at once would race on CREATE ... IF NOT EXISTS.
    await db.query("SELECT pg_advisory_xact_lock(hashtext('streetdesk-warehouse'))");
    for (const sql of createStatements(schema, warehouseTables)) await db.query(sql);
    await db.query('COMMIT');
  } catch (err) {
    await db.query('ROLLBACK');
    throw err;
  }
}

/** Whose units a package may carry: a community itself alone; a street itself and communities; one parent each. */
async function unitRefusal(db: ClientBase, schema: string, manifest: Manifest, region: string | undefined): Promise<PackageRefused | null> {
  const { source, units } = manifest;
  if (source.level === 'community' && units.some((u) => u.code !== source.code)) {
    return refuse(`社区“${source.name}”的数据包中有其他单位的数据，社区只能报送本社区的数据。`);
  }
  const foreign = units.find((u) => u.code !== source.code && u.level !== 'community');
  if (foreign) return refuse(`街道“${source.name}”的数据包中有${foreign.level === 'street' ? '另一个街道' : '非社区单位'}“${foreign.name}”的数据，不能装入。`);
  const outside = region ? units.find((u) => !u.code.startsWith(region)) : undefined;
  if (outside) return refuse(`“${outside.name}”（代码 ${outside.code}）不在本地区（代码 ${region}）之下，不能装入。请确认是否拿错了文件。`);
  for (const u of units) {
    const parent = u.code === source.code ? source.parent?.code ?? null : source.code;
    const { rows } = await db.query<{ parent_code: string | null }>(`SELECT parent_code FROM "${schema}".units WHERE code = $1`, [u.code]);
    const known = rows[0]?.parent_code;
    if (known && parent && known !== parent) {
      return refuse(`“${u.name}”（代码 ${u.code}）已登记属于代码 ${known} 的单位，这个数据包却把它列在代码 ${parent} 之下。一个单位只能属于一个上级，请核实后再装入。`);
    }
  }
  return null;
}

/**
 * The street's key rules (docs/package-format.md): the source's first package pins its key; another key is
 * refused unless the operator named the unit in `acceptKeyChange`; a key pinned for one unit signs for no other.
 */
async function keyRefusal(db: ClientBase, schema: string, manifest: Manifest, accept: readonly string[]): Promise<PackageRefused | { changed: boolean }> {
  const { source, signer, packageId } = manifest;
  const keys = `"${schema}".unit_keys`;
  const holder = (await db.query<{ unit_code: string }>(`SELECT unit_code FROM ${keys} WHERE public_key = $1`, [signer.publicKey])).rows[0];
  if (holder && holder.unit_code !== source.code) {
    return refuse(`这个数据包的签名密钥属于代码 ${holder.unit_code} 的单位，数据包却自称“${source.name}”（代码 ${source.code}）。数据包可能被改动过，不能装入。`);
  }
  const pinned = (await db.query<{ public_key: string; fingerprint: string }>(`SELECT public_key, fingerprint FROM ${keys} WHERE unit_code = $1`, [source.code])).rows[0];
  if (!pinned) {
    await db.query(`INSERT INTO ${keys} (unit_code, public_key, fingerprint, package_id) VALUES ($1, $2, $3, $4)`, [source.code, signer.publicKey, signer.fingerprint, packageId]);
    return { changed: false };
  }
  if (pinned.public_key === signer.publicKey) return { changed: false };
  if (!accept.includes(source.code)) {
    return refuse(
      `“${source.name}”的数据包签名密钥与首次装入时记录的不同（已记录 ${pinned.fingerprint}，本数据包 ${signer.fingerprint}）。` +
        `如果该单位重装了电脑，请核对其上报汇总表上打印的密钥指纹，一致后加上 --accept-key-change ${source.code} 再装入；否则数据包可能是伪造的。`,
      'PACKAGE_KEY_CHANGED',
    );
  }
  await db.query(`UPDATE ${keys} SET public_key = $2, fingerprint = $3, pinned_at = now(), package_id = $4 WHERE unit_code = $1`, [source.code, signer.publicKey, signer.fingerprint, packageId]);
  return { changed: true };
}

/**
 * What the warehouse holds of the tables a package's checks read (those with `verify`: the fund journal), for
 * its units, rebuilt as records from the columns (integers as numbers, dates as text; instants in PostgreSQL's
 * form, which no check compares). Read ahead because the checks are synchronous; a check asking for a table not
 * read here is a bug in this loader, not a reason to pass the package.
 */
async function heldCopies(db: ClientBase, schema: string, opened: OpenedPackage): Promise<HeldCopies> {
  const held = new Map<string, { record: PackageRecord; packageCreatedAt: string }[]>();
  for (const { def, units } of opened.tables) {
    if (!def.verify) continue;
    const t = tableByName.get(def.name)!;
    const fieldOf = new Map(t.columns.map((c) => [c.column, c.field]));
    for (const unit of units.keys()) {
      const { rows } = await db.query<{ row: Record<string, unknown>; exported_at: Date }>(
        `SELECT to_jsonb(t) AS row, exported_at FROM "${schema}"."${t.name}" t WHERE unit_code = $1 AND NOT removed`, [unit]);
      held.set(`${unit}\u0000${def.name}`, rows.map(({ row, exported_at }) => ({
        record: Object.fromEntries(Object.entries(row).flatMap(([k, v]) => (k === 'id' ? [[k, v]] : fieldOf.has(k) ? [[fieldOf.get(k)!, v]] : []))) as unknown as PackageRecord,
        packageCreatedAt: exported_at.toISOString(),
      })));
    }
  }
  return (unit, table) => {
    const copies = held.get(`${unit}\u0000${table}`);
    if (!copies) throw new Error(`数据仓库未读取“${table}”（单位 ${unit}）便核对了它，请报告这个问题。`);
    return copies;
  };
}

/** Writes one table's records of every unit: newer exports replace, older ones are counted and ignored. */
async function writeTable(db: ClientBase, schema: string, manifest: Manifest, opened: OpenedTable): Promise<TableCounts> {
  const t = tableByName.get(opened.entry.name)!;
  const target = `"${schema}"."${t.name}"`;
  const cols = t.columns.map((c) => `"${c.column}"`);
  const upsert = `INSERT INTO ${target} AS t (unit_code, id, exported_at, package_id, removed, ${cols.join(', ')})
    SELECT $1, r->>'id', $2::timestamptz, $3, false, ${t.columns.map((c) => c.read).join(', ')} FROM jsonb_array_elements($4::jsonb) AS r
    ON CONFLICT (unit_code, id) DO UPDATE SET exported_at = EXCLUDED.exported_at, package_id = EXCLUDED.package_id, removed = false,
      ${cols.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
    WHERE t.exported_at <= EXCLUDED.exported_at
    RETURNING (xmax = 0) AS inserted`;
  const { coverage } = opened.entry;
  const column = (field: string) => {
    const c = t.columns.find((col) => col.field === field);
    if (!c) throw refuse(`数据“${t.def.title}”的覆盖范围字段 ${field} 不存在，数据包可能已损坏。`, 'PACKAGE_CORRUPT');
    return `"${c.column}"`;
  };
  // A delta of a chain table (the fund journal) speaks for each chain's rows after its base only.
  const within =
    coverage === 'all' ? ''
    : 'per' in coverage ? ` AND ${column(coverage.field)} > COALESCE(($4::jsonb -> ${column(coverage.per)} ->> 'seq')::int, 0)`
    : ` AND ${column(coverage.field)}::text BETWEEN $4 AND $5`;
  const coverageParams = coverage === 'all' ? [] : 'per' in coverage ? [JSON.stringify(coverage.after)] : [coverage.from, coverage.to];
  // A copy this export should hold (inside its coverage) but lacks, written by an older export: removed at the source.
  const remove = `UPDATE ${target} SET removed = true, exported_at = $2, package_id = $3
    WHERE unit_code = $1 AND NOT removed AND exported_at < $2${within}`;
  const exportedAt = new Map(manifest.units.map((u) => [u.code, u.exportedAt]));
  const counts: TableCounts = { new: 0, updated: 0, older: 0, removed: 0 };
  for (const [unit, records] of opened.units) {
    const at = exportedAt.get(unit)!;
    for (let i = 0; i < records.length; i += CHUNK) {
      const chunk = records.slice(i, i + CHUNK);
      const { rows } = await db.query<{ inserted: boolean }>(upsert, [unit, at, manifest.packageId, JSON.stringify(chunk)]);
      const inserted = rows.filter((r) => r.inserted).length;
      counts.new += inserted;
      counts.updated += rows.length - inserted;
      counts.older += chunk.length - rows.length;
    }
    const params = [unit, at, manifest.packageId, ...coverageParams];
    counts.removed += (await db.query(remove, params)).rowCount ?? 0;
  }
  return counts;
}

/** The units and what each sent: a unit's row moves on only with a newer export of it. */
async function writeUnits(db: ClientBase, schema: string, manifest: Manifest, file: { name: string; sha256: string }): Promise<void> {
  const { source } = manifest;
  const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  await db.query(
    `INSERT INTO "${schema}".packages (package_id, source_code, source_level, source_name, period, created_at, created_by, fingerprint, personal_data, file_name, file_sha256, rows, manifest)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [manifest.packageId, source.code, source.level, source.name, manifest.period, manifest.createdAt, manifest.createdBy, manifest.signer.fingerprint,
      manifest.personalData, file.name, file.sha256, rows, JSON.stringify(manifest)],
  );
  for (const u of manifest.units) {
    const parent = u.code === source.code ? source.parent?.code ?? null : source.code;
    await db.query(
      `INSERT INTO "${schema}".units AS u (code, level, name, parent_code, period, exported_at, package_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, name = EXCLUDED.name, period = EXCLUDED.period,
         exported_at = EXCLUDED.exported_at, package_id = EXCLUDED.package_id, parent_code = COALESCE(EXCLUDED.parent_code, u.parent_code)
       WHERE u.exported_at < EXCLUDED.exported_at`,
      [u.code, u.level, u.name, parent, u.period, u.exportedAt, manifest.packageId],
    );
    // An older export still tells the parent of a unit that never named one.
    if (parent) await db.query(`UPDATE "${schema}".units SET parent_code = $2 WHERE code = $1 AND parent_code IS NULL`, [u.code, parent]);
    await db.query(`INSERT INTO "${schema}".unit_periods (package_id, unit_code, period, exported_at) VALUES ($1, $2, $3, $4)`, [manifest.packageId, u.code, u.period, u.exportedAt]);
  }
}

async function logRefusal(db: ClientBase, schema: string, file: { name: string; sha256: string }, err: PackageRefused): Promise<LoadResult> {
  await db.query(`INSERT INTO "${schema}".refused (file_name, file_sha256, reason, message, source_code, package_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
    file.name, file.sha256, err.reason, err.message, err.manifest?.source.code ?? null, err.manifest?.packageId ?? null,
  ]);
  return { status: 'refused', reason: err.reason, message: err.message };
}

/**
 * Checks and loads one package file, all or nothing. A refusal (a damaged or forged file, a unit that does not
 * belong, a changed key) writes nothing but a row in `refused`, and the next file is loaded as if it had not come.
 */
export async function loadPackage(db: ClientBase, file: { name: string; bytes: Uint8Array }, options: WarehouseOptions): Promise<LoadResult> {
  const { schema } = options;
  checkSchemaName(schema);
  const meta = { name: file.name, sha256: sha256Hex(file.bytes) };
  let opened: OpenedPackage;
  try {
    opened = openPackage(file.bytes, packageTables);
  } catch (err) {
    if (err instanceof PackageRefused) return logRefusal(db, schema, meta, err);
    throw err;
  }
  const { manifest } = opened;
  await db.query('BEGIN');
  try {
    // One package at a time across loaders: the key pins and the newer-wins comparisons read what another wrote.
    await db.query("SELECT pg_advisory_xact_lock(hashtext('streetdesk-warehouse'))");
    if ((await db.query(`SELECT 1 FROM "${schema}".packages WHERE package_id = $1`, [manifest.packageId])).rowCount) {
      await db.query('ROLLBACK');
      return { status: 'already', manifest };
    }
    const refused = (await unitRefusal(db, schema, manifest, options.region)) ?? (await keyRefusal(db, schema, manifest, options.acceptKeyChange ?? []));
    if (refused instanceof PackageRefused) throw refused;
    // The chains against what is held, as at a street: a delta's base must be here with the hash it names.
    verifyTables(await heldCopies(db, schema, opened), opened);
    await writeUnits(db, schema, manifest, meta);
    const tables: Record<string, TableCounts> = {};
    for (const t of opened.tables) tables[t.entry.name] = await writeTable(db, schema, manifest, t);
    await db.query('COMMIT');
    return { status: 'loaded', manifest, tables, keyChanged: refused.changed };
  } catch (err) {
    await db.query('ROLLBACK');
    if (err instanceof PackageRefused) {
      err.manifest ??= manifest;
      return logRefusal(db, schema, meta, err);
    }
    throw err;
  }
}
