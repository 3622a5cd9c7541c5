import { strFromU8 } from 'fflate';
import type { PackageRecord, PackageTable } from '../types';
import { MANIFEST_CHECKSUM_FILE, MANIFEST_FILE, MANIFEST_SIGNATURE_FILE, Manifest, PACKAGE_FORMAT, READABLE_VERSIONS, type ManifestTable } from './manifest';
import { fingerprintOf, verifyBytes } from './signing';
import { sha256Hex } from './write';
import { unzipCapped, UnzipRefused } from './zip';

/** A package that cannot be used, with the Chinese sentence that says why; nothing has been written. */
export class PackageRefused extends Error {
  constructor(
    message: string,
    readonly reason:
      | 'PACKAGE_CORRUPT'
      /** Inflates to more than any package we write (a zip bomb); refused before or while inflating. */
      | 'PACKAGE_TOO_LARGE'
      | 'PACKAGE_TAMPERED'
      | 'PACKAGE_VERSION'
      | 'PACKAGE_UNKNOWN_TABLE'
      | 'PACKAGE_INVALID_ROW'
      /** No signature, or one that does not verify with the key the manifest names: forged or altered. */
      | 'PACKAGE_SIGNATURE'
      /** Signed with another key than the one pinned for its unit here (a reinstalled laptop, or a forger). */
      | 'PACKAGE_KEY_CHANGED'
      /** Fields this StreetDesk does not know (a newer version's): refused rather than dropped. */
      | 'PACKAGE_UNKNOWN_FIELD'
      /** A ledger sent as a delta continuing a head this installation does not hold: a full package (完整包) is needed. */
      | 'PACKAGE_BASE_MISSING'
      /** A sound package this installation does not take (its own, or not from a community below it). */
      | 'PACKAGE_NOT_ACCEPTED',
    /** The package's manifest when it could be read (the log names the unit a refused package claims to be from). */
    public manifest: Manifest | null = null,
  ) {
    super(message);
    this.name = 'PackageRefused';
  }
}

export interface OpenedTable {
  entry: ManifestTable;
  def: PackageTable;
  /** Checked records per unit code, as the table's schema outputs them. */
  units: Map<string, PackageRecord[]>;
}

export interface OpenedPackage {
  manifest: Manifest;
  tables: OpenedTable[];
  /** What was checked, for the inspection screen. */
  checks: string[];
}

const RESEND = '请向报送单位重新索取数据包。';
const NEWER = '可能来自更新版本的 StreetDesk。请把本机的 StreetDesk 升级到与报送单位相同的版本后再导入，以免丢失这些数据。';

/**
 * The first field of `raw` that the schema's output lacks (dropped as unknown), as a path (`units[0].x`), or
 * null. zod strips fields it does not know; a newer StreetDesk's field must be refused, not silently lost.
 */
function unknownFields(raw: unknown, parsed: unknown, at = ''): string | null {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    for (let i = 0; i < raw.length; i++) {
      const found = unknownFields(raw[i], parsed[i], `${at}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (!raw || typeof raw !== 'object' || !parsed || typeof parsed !== 'object') return null;
  // Called for every row of a package (hundreds of thousands): no entries array per object, and a path
  // built only for the field refused. `raw` comes from JSON.parse, so it has no inherited keys to skip.
  for (const key in raw) {
    if (!(key in parsed)) return at ? `${at}.${key}` : key;
    const value = (raw as Record<string, unknown>)[key];
    if (value === null || typeof value !== 'object') continue;
    const found = unknownFields(value, (parsed as Record<string, unknown>)[key], at ? `${at}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/** A whole district's street package is about 60 MB of JSON; more than three times that is no package of ours. */
export const MAX_UNZIPPED = 200 * 1024 * 1024;

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    throw new PackageRefused(`${what}不是有效的 JSON，文件可能已损坏。${RESEND}`, 'PACKAGE_CORRUPT');
  }
}

function readManifest(files: Record<string, Uint8Array>): Manifest {
  const bytes = files[MANIFEST_FILE];
  if (!bytes) throw new PackageRefused(`数据包中缺少清单（${MANIFEST_FILE}），不是完整的 StreetDesk 数据包。${RESEND}`, 'PACKAGE_CORRUPT');
  const recorded = files[MANIFEST_CHECKSUM_FILE] && strFromU8(files[MANIFEST_CHECKSUM_FILE]).trim().split(/\s+/)[0];
  if (recorded !== sha256Hex(bytes)) {
    throw new PackageRefused(`数据包清单的校验码不符，文件可能在传递中损坏或被改动过。${RESEND}`, 'PACKAGE_TAMPERED');
  }
  const raw = parseJson(bytes, '数据包清单') as { format?: unknown; formatVersion?: unknown };
  if (raw?.format !== PACKAGE_FORMAT) throw new PackageRefused('这不是 StreetDesk 数据包。', 'PACKAGE_CORRUPT');
  if (typeof raw.formatVersion === 'number' && raw.formatVersion < READABLE_VERSIONS[0]) {
    throw new PackageRefused(
      `数据包格式版本为 ${raw.formatVersion}，是旧版 StreetDesk 生成的（没有所属单位和签名，无法核对来源）。请报送单位把 StreetDesk 升级到与本机相同的版本后重新生成数据包。`,
      'PACKAGE_VERSION',
    );
  }
  if (!(READABLE_VERSIONS as readonly unknown[]).includes(raw.formatVersion)) {
    throw new PackageRefused(
      `数据包格式版本为 ${String(raw.formatVersion)}，本程序只能读取版本 ${READABLE_VERSIONS.join('、')}。请把 StreetDesk 升级到与报送单位相同的版本后再导入。`,
      'PACKAGE_VERSION',
    );
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) throw new PackageRefused(`数据包清单内容不完整或格式不对。${RESEND}`, 'PACKAGE_CORRUPT');
  const extra = unknownFields(raw, parsed.data);
  if (extra) throw new PackageRefused(`数据包清单含有本程序不认识的项目（${extra}），${NEWER}`, 'PACKAGE_UNKNOWN_FIELD');
  checkSignature(files, bytes, parsed.data);
  return parsed.data;
}

const FORGED = '数据包的签名不符：清单在签名之后被改动过，或签名不是所附密钥做出的。数据包可能被伪造或篡改，未导入任何数据。';

/** The manifest (and through its checksums every table) was signed by the key it names. */
function checkSignature(files: Record<string, Uint8Array>, manifestBytes: Uint8Array, manifest: Manifest): void {
  const sig = files[MANIFEST_SIGNATURE_FILE];
  if (!sig) throw new PackageRefused(`数据包没有签名（缺少 ${MANIFEST_SIGNATURE_FILE}），无法确认来源，未导入任何数据。${RESEND}`, 'PACKAGE_SIGNATURE', manifest);
  const { publicKey, fingerprint } = manifest.signer;
  if (fingerprintOf(publicKey) !== fingerprint || !verifyBytes(manifestBytes, strFromU8(sig).trim(), publicKey)) {
    throw new PackageRefused(`${FORGED}${RESEND}`, 'PACKAGE_SIGNATURE', manifest);
  }
}

/** Checks one table file against its manifest entry and the receiving side's schema, row by row. */
function readTable(entry: ManifestTable, def: PackageTable, bytes: Uint8Array, unitCodes: Set<string>): OpenedTable {
  if (sha256Hex(bytes) !== entry.sha256) {
    throw new PackageRefused(`数据“${def.title}”（${entry.file}）的校验码不符，文件可能在传递中损坏或被改动过。${RESEND}`, 'PACKAGE_TAMPERED');
  }
  const body = parseJson(bytes, `数据“${def.title}”`) as { table?: unknown; units?: Record<string, unknown> };
  if (body?.table !== entry.name || typeof body.units !== 'object' || body.units === null) {
    throw new PackageRefused(`数据“${def.title}”的结构不对。${RESEND}`, 'PACKAGE_CORRUPT');
  }
  const units = new Map<string, PackageRecord[]>();
  let count = 0;
  for (const [code, rows] of Object.entries(body.units)) {
    if (!unitCodes.has(code) || !Array.isArray(rows)) {
      throw new PackageRefused(`数据“${def.title}”中有清单未列出的单位（${code}）。${RESEND}`, 'PACKAGE_CORRUPT');
    }
    const seen = new Set<string>();
    const records = rows.map((row, i) => {
      const r = def.schema.safeParse(row);
      if (!r.success) {
        const issue = r.error.issues[0]!;
        const field = def.fields[String(issue.path[0])] ?? issue.path.join('.');
        throw new PackageRefused(
          `数据“${def.title}”第 ${i + 1} 行（单位 ${code}）不符合要求：${field ? `${field}：` : ''}${issue.message}。未导入任何数据。`,
          'PACKAGE_INVALID_ROW',
        );
      }
      const extra = unknownFields(row, r.data);
      if (extra) {
        throw new PackageRefused(`数据“${def.title}”第 ${i + 1} 行（单位 ${code}）含有本程序不认识的字段（${extra}），${NEWER}`, 'PACKAGE_UNKNOWN_FIELD');
      }
      if (seen.has(r.data.id)) {
        throw new PackageRefused(`数据“${def.title}”中记录编号 ${r.data.id} 重复出现。${RESEND}`, 'PACKAGE_INVALID_ROW');
      }
      seen.add(r.data.id);
      return r.data;
    });
    count += records.length;
    units.set(code, records);
  }
  if (count !== entry.rows) {
    throw new PackageRefused(`数据“${def.title}”应有 ${entry.rows} 行，实有 ${count} 行，文件不完整。${RESEND}`, 'PACKAGE_TAMPERED');
  }
  return { entry, def, units };
}

/** What `openingPackage` is about to do next, for a progress bar (the tables to check come with the manifest). */
export type OpeningStep = { step: 'manifest' } | { step: 'tables'; entries: readonly ManifestTable[] } | { step: 'table'; title: string; rows: number };

/**
 * Opens and checks a package completely before anything is written: it unzips, the manifest matches its
 * checksum, the format version is known, every table file matches its checksum and row count, every table is
 * one this installation knows, and every row passes the table's schema.
 */
export function openPackage(bytes: Uint8Array, known: ReadonlyMap<string, PackageTable>): OpenedPackage {
  const steps = openingPackage(bytes, known);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * `openPackage` step by step: it yields before each piece of work (the manifest and signature, then each table
 * file), so an import can let the event loop through and say which phase it is in. The same checks, in the
 * same order, throwing the same refusals.
 */
export function* openingPackage(bytes: Uint8Array, known: ReadonlyMap<string, PackageTable>): Generator<OpeningStep, OpenedPackage> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipCapped(bytes, MAX_UNZIPPED);
  } catch (err) {
    if (err instanceof UnzipRefused && err.kind === 'too-large') {
      throw new PackageRefused(
        `数据包解压后超过 ${MAX_UNZIPPED / 1024 / 1024} MB，远大于正常的数据包，可能已损坏或被恶意构造，未导入任何数据。${RESEND}`,
        'PACKAGE_TOO_LARGE',
      );
    }
    throw new PackageRefused(`文件已损坏或不是 StreetDesk 数据包（无法解压）。${RESEND}`, 'PACKAGE_CORRUPT');
  }
  yield { step: 'manifest' };
  const manifest = readManifest(files);
  try {
    return yield* checkContents(files, manifest, known);
  } catch (err) {
    if (err instanceof PackageRefused) err.manifest ??= manifest;
    throw err;
  }
}

function* checkContents(files: Record<string, Uint8Array>, manifest: Manifest, known: ReadonlyMap<string, PackageTable>): Generator<OpeningStep, OpenedPackage> {
  const listed = new Set([MANIFEST_FILE, MANIFEST_CHECKSUM_FILE, MANIFEST_SIGNATURE_FILE, ...manifest.tables.map((t) => t.file)]);
  const extra = Object.keys(files).filter((f) => !listed.has(f) && !f.endsWith('/'));
  if (extra.length) throw new PackageRefused(`数据包中有清单未列出的文件（${extra.join('、')}），可能被改动过。${RESEND}`, 'PACKAGE_TAMPERED');
  const unitCodes = new Set(manifest.units.map((u) => u.code));
  if (unitCodes.size !== manifest.units.length || !unitCodes.has(manifest.source.code)) {
    throw new PackageRefused(`数据包清单中的单位列表不对。${RESEND}`, 'PACKAGE_CORRUPT');
  }
  yield { step: 'tables', entries: manifest.tables };
  const tables: OpenedTable[] = [];
  for (const entry of manifest.tables) {
    const def = known.get(entry.name);
    if (!def) {
      throw new PackageRefused(`数据包含有本程序不认识的数据（${entry.name}），可能来自更新版本的 StreetDesk。请升级后再导入。`, 'PACKAGE_UNKNOWN_TABLE');
    }
    const file = files[entry.file];
    if (!file) throw new PackageRefused(`数据包缺少数据文件 ${entry.file}。${RESEND}`, 'PACKAGE_TAMPERED');
    yield { step: 'table', title: def.title, rows: entry.rows };
    tables.push(readTable(entry, def, file, unitCodes));
  }
  const rows = tables.reduce((s, t) => s + t.entry.rows, 0);
  const checks = [
    '文件完整，可以解压',
    '清单校验码一致',
    `签名有效（密钥指纹 ${manifest.signer.fingerprint}）`,
    `格式版本 ${manifest.formatVersion}，本程序可以读取`,
    `${tables.length} 个数据文件的校验码和行数一致`,
    `全部 ${rows.toLocaleString('zh-CN')} 行数据符合本程序的要求`,
  ];
  return { manifest, tables, checks };
}
