import { openingPackage, PackageRefused, type OpenedPackage } from '../../export/package/read';
import type { PackageTable } from '../../export/types';
import type { Ctx } from '../context';
import { asDomainError, logRefusal } from './accept';
import { reporter, type Reporter } from './progress';

/**
 * The phases of a package import besides one per table that has rows (`核对数据：<表>（n 条）`; an empty one takes
 * no time): 读取数据包, 核对清单和签名, then the importer's two (its acceptance rules, its one write) and 已完成.
 */
const FIXED_STEPS = 5;

/** An import's progress under the client's job id (none: nobody asks). */
export const importReporter = (jobId: string | null | undefined): Reporter => reporter(jobId, FIXED_STEPS);

/** `openPackage` phase by phase, letting the event loop through between them so `getProgress` is answered. */
export async function openInPhases(bytes: Uint8Array, known: ReadonlyMap<string, PackageTable>, progress: Reporter): Promise<OpenedPackage> {
  await progress.phase('读取数据包');
  const steps = openingPackage(bytes, known);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    const s = next.value;
    if (s.step === 'manifest') await progress.phase('核对清单和签名');
    else if (s.step === 'tables') progress.steps(FIXED_STEPS + s.entries.filter((t) => t.rows > 0).length);
    else if (s.rows > 0) await progress.phase(`核对数据：${s.title}（${s.rows.toLocaleString('zh-CN')} 条）`);
  }
}

/**
 * A package import run as a task, so that it can report its phases: `work` checks the package (writing nothing)
 * and then writes in one transaction of its own. A refused package is logged as a write channel's
 * `recordRefusal` logs it — in a transaction of its own, the import's writes (none) being gone — and answered as
 * the refusal's sentence. `refusedTitle`: the log's title for it (logRefusal's default: a data package).
 */
export async function importTask<T>(ctx: Ctx, file: { fileName: string; contentBase64: string }, work: () => Promise<T>, refusedTitle?: string): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof PackageRefused) {
      ctx.db.transaction(() => logRefusal(ctx.db, ctx.operator, ctx.audit, file.fileName, file.contentBase64, err, refusedTitle)).immediate();
    }
    throw asDomainError(err);
  }
}
