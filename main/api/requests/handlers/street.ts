import { getRequest, applyStep, listSteps } from '../../../../db/requests/requests';
import { answersOf, answerUnits, insertStreetAnswer, listEscalatedCopies } from '../../../../db/requests/street-answers';
import type { Db } from '../../../../db/open';
import { getInstallation } from '../../../../db/settings';
import { insertSubmission } from '../../../../db/submission/log';
import { getRow, getUnit } from '../../../../db/submission/consolidated';
import { nowIso } from '../../../../db/moment';
import { newId } from '../../../../db/ids';
import { PACKAGE_EXTENSION, type Manifest } from '../../../export/package/manifest';
import { openPackage, PackageRefused, type OpenedPackage } from '../../../export/package/read';
import { signingKey } from '../../../export/package/signing';
import { sha256Hex, writePackage } from '../../../export/package/write';
import { DomainError } from '../../common/errors';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import { asDomainError, keyRefusal, onlyKeyChanged, pinOnFirstPackage, replaceKey } from '../../submission/accept';
import { importReporter, importTask, openInPhases } from '../../submission/import-phases';
import { requestView } from './requests';
import { PACKAGE_MIME } from '../../submission/build-package';
import { fileOut } from '../../../export/file-out';
import { APP_VERSION } from '../../system/handlers';
import type { requestsContract } from '../contract';
import { isOpen, isOverdue, requestStepProblem, type HandlerKind, type RequestState } from '../rules';
import { answerRecords, answerTables, streetAnswersTable, type StreetAnswerRecord } from '../escalation/answers-table';

type C = typeof requestsContract;

/** The consolidated copy of a community's request, as its package sent it (requests.requests). */
interface RequestCopy {
  id: string;
  reportedOn: string;
  community: string;
  placeName: string;
  content: string;
  state: RequestState;
  handlerKind: HandlerKind | null;
  handlerName: string | null;
  dueOn: string | null;
  /** 重新交办次数: the escalation an answer belongs to. */
  reopened: number;
}

const TABLE = 'requests.requests';
const escalated = (r: RequestCopy) => r.handlerKind === 'street' && isOpen(r.state);

function streetOnly(ctx: Pick<Ctx, 'db'>): NonNullable<ReturnType<typeof getInstallation>> {
  const inst = getInstallation(ctx.db)!;
  if (inst.unitLevel !== 'street') throw new DomainError('DOMAIN', '街道受理只在街道的 StreetDesk 上办理。', 'NOT_A_STREET');
  return inst;
}

const refusal = (message: string, reason: string) => new DomainError('DOMAIN', message, reason);

const NOT_ANSWERS = '这不是街道答复包。社区的月度数据包应由街道导入。';
const notAccepted = (message: string) => new PackageRefused(message, 'PACKAGE_NOT_ACCEPTED');

/** Whether this community takes a sound answers package: only from a street, the one named in 设置; then the street's key. */
function answersRefusal(db: Db, m: Manifest): PackageRefused | null {
  const inst = getInstallation(db)!;
  if (inst.unitLevel !== 'community') return notAccepted('街道答复包只由社区导入。');
  if (m.kind !== 'answers' || m.source.level !== 'street') return notAccepted(NOT_ANSWERS);
  if (!inst.parentCode || m.source.code !== inst.parentCode) {
    return notAccepted(`这个答复包来自“${m.source.name}”（代码 ${m.source.code}），不是本社区所属街道${inst.parentName ? `（${inst.parentName}，代码 ${inst.parentCode}）` : '（请先在“设置”中填写所属街道）'}，不能导入。`);
  }
  return keyRefusal(db, m);
}

/** A monthly package picked by mistake fails on its tables (only the answers' are known here): say what it is. */
function asAnswersRefusal(err: unknown): unknown {
  if (!(err instanceof PackageRefused) || !err.manifest || err.manifest.kind === 'answers') return err;
  return Object.assign(notAccepted(NOT_ANSWERS), { manifest: err.manifest });
}

/**
 * Whether this community takes the opened answers package; a refusal carries its manifest (the log names who
 * sent it). `keyChange`: an administrator accepting the street's new key — every rule but the key's.
 */
function acceptAnswers(db: Db, opened: OpenedPackage, keyChange = false): void {
  const refusal = answersRefusal(db, opened.manifest);
  if (refusal) refusal.manifest = opened.manifest;
  if (keyChange) onlyKeyChanged(refusal);
  else if (refusal) throw refusal;
}

/** The answers package opened and checked completely (the administrator's key acceptance). */
function openAnswers(db: Db, base64: string, keyChange = false): OpenedPackage {
  let opened: OpenedPackage;
  try {
    opened = openPackage(Buffer.from(base64, 'base64'), answerTables);
  } catch (err) {
    throw asAnswersRefusal(err);
  }
  acceptAnswers(db, opened, keyChange);
  return opened;
}

export const streetHandlers: Pick<Handlers<C>, 'requests.listEscalated' | 'requests.listAnswerUnits' | 'requests.answerEscalated' | 'requests.buildAnswersPackage' | 'requests.importStreetAnswers' | 'requests.acceptStreetKeyChange'> = {
  /**
   * 街道受理: the requests the street's communities handed up to it, from the consolidated copies — those still
   * being handled with the street as handler, and those answered here for the escalation they are in (until the
   * community's package shows them closed, the copy still reads 上交街道办理中; one the community handed elsewhere
   * meanwhile stays, marked diverted) — by deadline, paged in SQL.
   */
  'requests.listEscalated': ({ filter, offset, limit }, ctx) => {
    streetOnly(ctx);
    const page = listEscalatedCopies(ctx.db, { filter, offset, limit });
    return {
      total: page.total,
      rows: page.rows.map(({ unitCode, unitName, json }) => {
        const r = JSON.parse(json) as RequestCopy;
        // The answer to the escalation the copy is in; earlier ones answered rounds the community has reopened since.
        const answers = answersOf(ctx.db, unitCode, r.id);
        const answer = answers.find((a) => a.round === r.reopened) ?? null;
        return {
          id: r.id, reportedOn: r.reportedOn, community: r.community, placeName: r.placeName, content: r.content, state: r.state,
          handlerName: r.handlerName, dueOn: r.dueOn, unitCode, unitName, round: r.reopened, answer, earlier: answers.filter((a) => a.round < r.reopened),
          // As the ledger counts it (isOverdue), until the street has answered this escalation.
          overdue: !answer && isOverdue(r.state, r.dueOn, ctx.today),
          diverted: r.handlerKind !== 'street',
        };
      }),
    };
  },

  'requests.listAnswerUnits': (_, ctx) => {
    streetOnly(ctx);
    return answerUnits(ctx.db);
  },

  /** The street answers one: stored here (the copy is the community's and the next package overwrites it), audited. */
  'requests.answerEscalated': (input, ctx) => {
    streetOnly(ctx);
    const unit = getUnit(ctx.db, input.unitCode);
    if (!unit) throw refusal(`本街道没有汇总代码为 ${input.unitCode} 的社区，不能答复其诉求。`, 'UNIT_NOT_KEPT');
    const row = getRow(ctx.db, unit.code, TABLE, input.requestId);
    if (!row || row.removedAt) throw refusal(`“${unit.name}”报送的数据中没有这件诉求。`, 'REQUEST_NOT_FOUND');
    const copy = JSON.parse(row.localRecord ?? row.record) as RequestCopy;
    // One answer per escalation: a request reopened after 不满意 and handed up again is answered anew.
    if (answersOf(ctx.db, unit.code, input.requestId).some((a) => a.round === copy.reopened)) {
      throw refusal('街道已经答复过这次上交的诉求，答复会随下一个街道答复包发给社区，不能再次答复。社区重新交办后再次上交的，可以再答复。', 'ALREADY_ANSWERED');
    }
    if (!escalated(copy)) throw refusal(`这件诉求没有上交街道办理（“${unit.name}”报送的状态不是上交街道办理中），街道不能答复。`, 'NOT_ESCALATED');
    const answer = insertStreetAnswer(ctx.db, { ...input, round: copy.reopened, answeredOn: ctx.today }, ctx.operator);
    ctx.audit({ action: 'street_answer', entity: 'request_street_answer', entityId: answer.id, after: answer });
    return answer;
  },

  /**
   * The street's answers to one community as a signed package (docs/package-format.md): every answer given to it
   * so far — re-sending them is harmless, the community applies each once.
   */
  'requests.buildAnswersPackage': ({ unitCode }, ctx) => {
    const inst = streetOnly(ctx);
    const unit = getUnit(ctx.db, unitCode);
    if (!unit) throw refusal(`本街道没有汇总代码为 ${unitCode} 的社区。`, 'UNIT_NOT_KEPT');
    const records = answerRecords(ctx.db, unitCode);
    const createdAt = nowIso();
    const source = { level: 'street' as const, name: inst.unitName, code: inst.unitCode };
    const { bytes, manifest } = writePackage(
      {
        packageId: newId(), kind: 'answers', source: { ...source, parent: null }, period: ctx.today.slice(0, 7), createdAt, createdBy: ctx.operator,
        app: { name: 'StreetDesk', version: APP_VERSION }, personalData: 'masked', modules: ['requests'],
        units: [{ ...source, period: ctx.today.slice(0, 7), exportedAt: createdAt }],
      },
      [{ name: streetAnswersTable.name, coverage: 'all', units: [{ code: inst.unitCode, records }] }],
      signingKey(ctx.services.dataDir),
    );
    const file = fileOut(`${inst.unitName}_致${unit.name}_街道答复${PACKAGE_EXTENSION}`, PACKAGE_MIME, bytes);
    // In the submission log as every package sent (and so known as this installation's own if it comes back).
    const row = insertSubmission(ctx.db, {
      direction: 'export', kind: 'package', title: `街道答复包（致${unit.name}）`, period: manifest.period, unit: source,
      files: [{ name: file.fileName, sha256: file.sha256, bytes: file.bytes }], rowCounts: { [streetAnswersTable.name]: records.length },
      result: null, unmasked: false, packageId: manifest.packageId,
    }, ctx.operator);
    ctx.audit({ action: 'export', entity: 'submission', entityId: row.id, after: row });
    return { file, answers: records.length };
  },

  /**
   * At the community: the street's answers package, checked as a street checks a community's (checksums, the
   * signature, the street's key pinned at its first package), then each answer applied to its request through
   * the ledger's own step (交办 → 办结 by the street) — once: an answer already in the history changes nothing,
   * one for a request no longer handed up, or for another community, is reported and not applied. A refused
   * package is in the submission log with why, as a refused data package is; an imported one with what it did.
   */
  'requests.importStreetAnswers': ({ fileName, contentBase64: base64, jobId }, ctx) =>
    importTask(ctx, { fileName, contentBase64: base64 }, async () => {
      const { db, operator } = ctx;
      const inst = getInstallation(db)!;
      const progress = importReporter(jobId);
      let opened: OpenedPackage;
      try {
        opened = await openInPhases(Buffer.from(base64, 'base64'), answerTables, progress);
      } catch (err) {
        throw asAnswersRefusal(err);
      }
      const m = opened.manifest;
      await progress.phase('核对来源和签名密钥');
      acceptAnswers(db, opened);
      await progress.phase(`写入街道答复（${m.tables.reduce((n, t) => n + t.rows, 0).toLocaleString('zh-CN')} 条）`);
      // Every write in one transaction, the rules held to the data as it is then (a key accepted meanwhile).
      const out = db.transaction(() => {
        acceptAnswers(db, opened);
        pinOnFirstPackage(db, m, operator, ctx.audit);
        const records = (opened.tables[0]?.units.get(m.source.code) ?? []) as StreetAnswerRecord[];
        const result = { applied: [] as { id: string; content: string }[], unchanged: 0, notApplied: [] as { requestId: string; reason: string }[] };
        for (const a of records) {
          const skip = (reason: string) => result.notApplied.push({ requestId: a.requestId, reason });
          if (a.communityCode !== inst.unitCode) { skip(`答复写给代码为 ${a.communityCode} 的社区，不是本社区`); continue; }
          const r = getRequest(db, a.requestId);
          if (!r) { skip('本社区没有这件诉求'); continue; }
          if (listSteps(db, r.id).some((s) => s.detail.streetAnswerId === a.id)) { result.unchanged++; continue; }
          // An answer closes the escalation it answered, not a later one: after a 不满意 reopening the street answers again.
          if (a.round !== r.reopened) {
            skip(`这条答复是街道对此前一次上交的答复，诉求此后已重新交办（共 ${r.reopened} 次），没有写入；请等待街道对这次上交的答复（${r.content.slice(0, 20)}）`);
            continue;
          }
          if (r.handlerKind !== 'street' || !isOpen(r.state) || requestStepProblem(r.state, 'done')) {
            skip(`诉求现在不是上交街道办理中（${r.content.slice(0, 20)}），街道的答复没有写入，请与街道核对`);
            continue;
          }
          const onDay = a.answeredOn < r.reportedOn ? r.reportedOn : a.answeredOn;
          // The step a clerk's 办结 takes (its facts in the history as the drawer shows them), marked as the street's.
          const facts = { doneOn: onDay, result: a.measures };
          applyStep(db, r.id, {
            from: r.state, to: 'done', onDay, facts,
            detail: { ...facts, by: 'street', street: m.source.name, answeredBy: a.answeredBy, streetAnswerId: a.id, packageId: m.packageId },
            note: `${m.source.name}答复（${a.answeredBy}）`,
          }, operator);
          // Masked as every request the audit log keeps (requestView): the reporter is never there in full.
          ctx.audit({ action: 'street_answer_applied', entity: 'request', entityId: r.id, before: requestView(r, ctx.today), after: requestView(getRequest(db, r.id)!, ctx.today) });
          result.applied.push({ id: r.id, content: r.content });
        }
        const bytes = Buffer.from(base64, 'base64');
        const row = insertSubmission(db, {
          direction: 'import', kind: 'package', title: '街道答复包导入', period: m.period,
          unit: { level: m.source.level, name: m.source.name, code: m.source.code },
          files: [{ name: fileName, sha256: sha256Hex(bytes), bytes: bytes.length }],
          rowCounts: Object.fromEntries(m.tables.map((t) => [t.name, t.rows])),
          result: { applied: result.applied.length, unchanged: result.unchanged, notApplied: result.notApplied.length },
          unmasked: false, packageId: m.packageId,
        }, operator);
        ctx.audit({ action: 'import', entity: 'submission', entityId: row.id, after: row });
        return { street: m.source.name, ...result };
      }).immediate();
      progress.finish();
      return out;
    }, '街道答复包导入（未导入）'),

  /**
   * At the community: an administrator accepts its street's new signing key (the street reinstalled), having
   * compared the fingerprint with the street's — the rule a street has for its communities' keys (accept.ts).
   */
  'requests.acceptStreetKeyChange': ({ fileName, contentBase64: base64 }, ctx) => {
    try {
      const opened = openAnswers(ctx.db, base64, true);
      return replaceKey(ctx, opened.manifest, fileName);
    } catch (err) {
      throw asDomainError(err);
    }
  },
};
