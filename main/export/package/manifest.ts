import { z } from 'zod';
import { PERIOD_PATTERN } from '../period';

/**
 * The data package (`.sdpkg`): one zip holding `manifest.json`, `manifest.sha256` (the manifest's own
 * checksum) and one JSON file per table, `tables/<module>.<table>.json` = `{ table, units: { <code>: [records] } }`.
 * Rows are grouped by the unit they come from: a community's package holds its own; a street's also carries
 * the communities it consolidated, each under its own code.
 *
 * Checksums detect corruption and naive edits (a changed table file, a changed manifest); the signature
 * (`manifest.sig`, over the manifest, which holds every table's SHA-256) stops a forger who recomputes them:
 * only the holder of the source installation's private key can sign, and the street pins that key at the
 * first import (docs/package-format.md).
 */

export const PACKAGE_FORMAT = 'streetdesk-package';
/**
 * 3: chain tables may travel as deltas (coverage `{ field, per, after }`). 2: the source names its parent unit, every unit carries its export time (newer-wins per source), and the
 * manifest is signed (Ed25519, `manifest.sig`, the signer's public key inside the manifest). See docs/package-format.md.
 */
export const PACKAGE_VERSION = 3;
/**
 * The versions this StreetDesk reads: 3 adds the chain coverage (a ledger's entries after the head sent before,
 * with that head as witness); a version-2 package is a version-3 one that sends every chain whole.
 */
export const READABLE_VERSIONS = [2, 3] as const;
export const PACKAGE_EXTENSION = '.sdpkg';
export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_CHECKSUM_FILE = 'manifest.sha256';
/** The signer's Ed25519 signature over the exact bytes of `manifest.json`, base64. */
export const MANIFEST_SIGNATURE_FILE = 'manifest.sig';
export const tableFile = (name: string): string => `tables/${name}.json`;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const unitCode = z.string().regex(/^[0-9A-Za-z_-]{2,64}$/, '单位代码格式不对');
const period = z.string().regex(PERIOD_PATTERN);

export const PackageUnit = z.object({
  level: z.enum(['district', 'street', 'community']),
  name: z.string().min(1).max(60),
  code: unitCode,
});

/** The unit a package is sent by: it names the unit above it, whose installation alone takes it. */
export const SourceUnit = PackageUnit.extend({ parent: PackageUnit.nullable() });

const field = z.string().regex(/^\w+$/);
const Coverage = z.union([
  z.literal('all'),
  z.object({ field, from: z.string().max(32), to: z.string().max(32) }),
  // Each chain (by its `per` field) after the head named, whose hash the receiver must hold at that seq.
  z.object({ field, per: field, after: z.record(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/), z.object({ seq: z.number().int().min(1), hash: sha256 })) }),
]);

export const ManifestTable = z.object({
  name: z.string().regex(/^[a-z][\w]*\.[a-z][\w]*$/),
  file: z.string(),
  rows: z.number().int().min(0),
  sha256,
  coverage: Coverage,
});

export const Manifest = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.union(READABLE_VERSIONS.map((v) => z.literal(v))),
  packageId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  /** `monthly`: a unit's submission upward; `answers`: a street's answers to one community's escalated requests. */
  kind: z.enum(['monthly', 'answers']),
  source: SourceUnit,
  period,
  createdAt: z.iso.datetime(),
  createdBy: z.string().min(1).max(40),
  app: z.object({ name: z.string(), version: z.string() }),
  personalData: z.enum(['masked', 'full']),
  modules: z.array(z.string()),
  /**
   * Every unit whose rows the package holds (the source first), with the period its data is for and when that
   * unit exported it (the source: this package's `createdAt`; a consolidated unit: its latest package's). A
   * receiver orders versions of a unit's records by this time, never by the records' own `updatedAt`.
   */
  units: z.array(PackageUnit.extend({ period, exportedAt: z.iso.datetime() })).min(1),
  tables: z.array(ManifestTable),
  /** Who signed `manifest.sig`: the source installation's public key (base64 SPKI DER) and its fingerprint. */
  signer: z.object({
    algorithm: z.literal('Ed25519'),
    publicKey: z.string().regex(/^[A-Za-z0-9+/]{40,120}={0,2}$/),
    fingerprint: z.string().regex(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/),
  }),
});

export type Manifest = z.infer<typeof Manifest>;
export type ManifestTable = z.infer<typeof ManifestTable>;
export type PackageUnit = z.infer<typeof PackageUnit>;
export type SourceUnit = z.infer<typeof SourceUnit>;
