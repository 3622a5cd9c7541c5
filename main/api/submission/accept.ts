import type { Db } from '../../../db/open';
import type { Installation } from '../../../db/settings';
import { pinKey, pinnedKey, unitOfKey } from '../../../db/submission/keys';
import { exportedHere, insertSubmission } from '../../../db/submission/log';
import { getUnit } from '../../../db/submission/consolidated';
import type { Manifest } from '../../export/package/manifest';
import { PackageRefused } from '../../export/package/read';
import { sha256Hex } from '../../export/package/write';
import { DomainError } from '../common/errors';
import type { Ctx } from '../context';
import { levelBelow, levelsUnder, unitLevels } from '../system/contract';

const notAccepted = (message: string) => new PackageRefused(message, 'PACKAGE_NOT_ACCEPTED');

/** A refusal as the API answers it (the sentence and its reason); anything else as it was. */
export const asDomainError = (err: unknown): unknown =>
  err instanceof PackageRefused ? new DomainError('DOMAIN', err.message, err.reason) : err;

/**
 * Whether this installation takes a sound package, by the units it names (docs/package-format.md, units). A unit
 * takes packages from units one level below it (`levelBelow`: a street its communities', a district its
 * streets'): never at a community; only a package of that level, holding its source and units below the source
 * alone (a community itself; a street itself and the communities it consolidated — vouched for by the street's
 * signature, as in the warehouse); never one it wrote itself (its own code anywhere in it, or a package id in its
 * own export log — its package relabelled); and only a unit under it: the package names its parent and that must
 * be this installation's code. A package from an installation that never named its parent is taken only when its
 * code begins with the receiver's (行政区划代码 are hierarchical: 130104001001 is under 130104001, 130104001 under
 * 130104). A unit has one parent: a unit this installation holds under one source is refused under another.
 */
export function refusalOf(db: Db, inst: Installation, ownKey: string | null, manifest: Manifest): PackageRefused | null {
  const { source } = manifest;
  const below = levelBelow[inst.unitLevel];
  const level = unitLevels[inst.unitLevel];
  if (!below) {
    return notAccepted('本机是社区，不接收其他单位的数据包。数据包应由街道的 StreetDesk 导入。');
  }
  const lower = unitLevels[below];
  const here = `本${level}（${inst.unitName}，代码 ${inst.unitCode}）`;
  if (manifest.units.some((u) => u.code === inst.unitCode) || source.parent === null && source.code === inst.unitCode) {
    return notAccepted(`这是本单位（${inst.unitName}）生成的数据包，不需要导入。`);
  }
  if (exportedHere(db, manifest.packageId) || manifest.signer.publicKey === ownKey) {
    return notAccepted(`这是本机生成的数据包（上报记录中有它），其中的单位被改成了“${source.name}”（代码 ${source.code}）。${level}不导入自己的数据包。`);
  }
  const under = levelsUnder(source.level);
  const carried = (u: Manifest['units'][number]) => (u.code === source.code ? u.level === source.level : under.includes(u.level));
  if (source.level !== below || !manifest.units.every(carried)) {
    return notAccepted(`这个数据包来自${unitLevels[source.level]}“${source.name}”。${level}只导入所属${lower}报送的数据包。`);
  }
  if (source.parent && source.parent.code !== inst.unitCode) {
    return notAccepted(
      `“${source.name}”（代码 ${source.code}）属于“${source.parent.name}”（代码 ${source.parent.code}），不是${here}的${lower}，不能导入。请确认是否拿错了文件。`,
    );
  }
  if (!source.parent && !source.code.startsWith(inst.unitCode)) {
    return notAccepted(
      `“${source.name}”的数据包没有注明所属${level}，其单位代码 ${source.code} 也不在${here}之下，无法确认是本${level}的${lower}。请该${lower}在“设置”中填写所属${level}后重新生成数据包。`,
    );
  }
  return parentRefusal(db, manifest) ?? keyRefusal(db, manifest);
}

/** The unit above each unit a package carries: the source's is the receiver (accepted as under it), the rest the source's. */
export const parentOf = (manifest: Manifest, code: string): string | null =>
  code === manifest.source.code ? manifest.source.parent?.code ?? null : manifest.source.code;

/**
 * A unit has one parent (the warehouse's rule, docs/warehouse.md): once a community is held here under street A
 * (inside A's package), a package placing it under street B is refused.
 */
function parentRefusal(db: Db, manifest: Manifest): PackageRefused | null {
  for (const u of manifest.units) {
    if (u.code === manifest.source.code) continue;
    const known = getUnit(db, u.code)?.parentCode;
    const parent = parentOf(manifest, u.code);
    if (known && parent && known !== parent) {
      const holder = getUnit(db, known);
      return notAccepted(
        `“${u.name}”（代码 ${u.code}）已登记属于“${holder?.name ?? known}”（代码 ${known}），“${manifest.source.name}”的数据包却把它列在自己之下。一个单位只能属于一个上级，请核实后再导入。`,
      );
    }
  }
  return null;
}

/**
 * The key rules: a unit's first package pins its key; a later one signed with another key is refused until an
 * administrator accepts the change (`submission.acceptKeyChange`); a key pinned for one unit does not sign for another.
 */
export function keyRefusal(db: Db, manifest: Manifest): PackageRefused | null {
  const { source, signer } = manifest;
  const holder = unitOfKey(db, signer.publicKey);
  if (holder && holder.unitCode !== source.code) {
    return notAccepted(
      `这个数据包的签名密钥属于“${holder.unitName}”（代码 ${holder.unitCode}），数据包却自称“${source.name}”（代码 ${source.code}）。数据包可能被改动过，不能导入。`,
    );
  }
  const pinned = pinnedKey(db, source.code);
  if (pinned && pinned.publicKey !== signer.publicKey) {
    // Where to compare the new fingerprint: a monthly package's sender prints it on its signed 上报汇总表; a street's
    // answers package has no paper, so its 设置 (本机签名密钥) is read out by telephone.
    const check = manifest.kind === 'answers' ? '请打电话向街道核对其“设置”中显示的签名密钥指纹' : '请核对其上报汇总表上打印的密钥指纹';
    return new PackageRefused(
      `“${source.name}”的数据包签名密钥与首次导入时记录的不同（已记录 ${pinned.fingerprint}，本数据包 ${signer.fingerprint}）。` +
        `如果该${unitLevels[source.level]}重装了电脑或换了数据文件夹，${check}，一致后由管理员“接受新密钥”再导入；否则数据包可能是伪造的，请勿导入。`,
      'PACKAGE_KEY_CHANGED',
    );
  }
  return null;
}

/** A unit's first package pins its key (the rule keyRefusal then holds later packages to); audited. */
export function pinOnFirstPackage(db: Db, manifest: Manifest, operator: string, audit: Ctx['audit']): void {
  const { source, signer, packageId } = manifest;
  if (pinnedKey(db, source.code)) return;
  const pin = pinKey(db, { unitCode: source.code, unitName: source.name, publicKey: signer.publicKey, fingerprint: signer.fingerprint, packageId }, operator);
  audit({ action: 'pin_key', entity: 'unit_key', entityId: pin.unitCode, after: { unit: pin.unitName, fingerprint: pin.fingerprint } });
}

/**
 * The rule of an administrator's acceptance of a unit's new key, one for a street accepting a community's and a
 * community accepting its street's: the package must pass every other check (`refusal`, what they found, is
 * thrown unless it is the pinned key's alone), and its key must differ from the pinned one.
 */
export function onlyKeyChanged(refusal: PackageRefused | null): void {
  if (refusal && refusal.reason !== 'PACKAGE_KEY_CHANGED') throw refusal;
  if (!refusal) throw new DomainError('DOMAIN', '这个数据包的签名密钥与已记录的一致，不需要更换。', 'KEY_NOT_CHANGED');
}

/**
 * The accepted key replaces the pinned one (the administrator compared its fingerprint with the unit's own),
 * audited `key_change` with both fingerprints; the package is then imported as usual.
 */
export function replaceKey(ctx: Pick<Ctx, 'db' | 'operator' | 'audit'>, manifest: Manifest, fileName: string): { unitName: string; fingerprint: string; previous: string } {
  const { source, signer, packageId } = manifest;
  const before = pinnedKey(ctx.db, source.code)!;
  const after = pinKey(ctx.db, { unitCode: source.code, unitName: source.name, publicKey: signer.publicKey, fingerprint: signer.fingerprint, packageId }, ctx.operator);
  ctx.audit({
    action: 'key_change', entity: 'unit_key', entityId: source.code,
    before: { unit: before.unitName, fingerprint: before.fingerprint, pinnedAt: before.pinnedAt },
    after: { unit: after.unitName, fingerprint: after.fingerprint, fileName, packageId },
  });
  return { unitName: source.name, fingerprint: after.fingerprint, previous: before.fingerprint };
}

const UNKNOWN_UNIT = { level: '', name: '（无法识别）', code: '' };

/**
 * A refused import in the log (and the audit): what was tried, from whom it claims to be, and why not. `title`
 * names the kind of package (a community's answers package from its street is logged here too).
 */
export function logRefusal(db: Db, operator: string, audit: Ctx['audit'], fileName: string, base64: string, err: PackageRefused, title = '数据包导入（未导入）'): void {
  const bytes = Buffer.from(base64, 'base64');
  const m = err.manifest;
  const row = insertSubmission(
    db,
    {
      direction: 'import',
      kind: 'package',
      title,
      period: m?.period ?? null,
      unit: m ? { level: m.source.level, name: m.source.name, code: m.source.code } : UNKNOWN_UNIT,
      files: [{ name: fileName, sha256: sha256Hex(bytes), bytes: bytes.length }],
      rowCounts: m ? Object.fromEntries(m.tables.map((t) => [t.name, t.rows])) : {},
      result: null,
      unmasked: m?.personalData === 'full',
      packageId: m?.packageId ?? null,
      refusal: { reason: err.reason, message: err.message },
    },
    operator,
  );
  audit({ action: 'import_refused', entity: 'submission', entityId: row.id, after: row });
}
