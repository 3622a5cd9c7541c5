import type { Core } from '../../main/core';
import { STARTER_TEMPLATE } from '../../main/api/property/starter-template';
import type { TemplateRecord } from '../../db/property/templates';
import { pick } from './people';
import { SEED_ADMIN, SEED_PASSWORD } from './seed-account';
import { addDays, int, type Rand } from './seed-plan';
import { pastQuarters } from './seed-property';

/**
 * Service-quality assessments (issue 10), written through the API after the bulk transaction: scoring lives in the
 * handlers (scoring.ts — bounds, deductions, bands, veto) and a published list is a frozen snapshot of the handlers'
 * ranking, so the seed asks them rather than copying either. The starter sheet is published, every company-managed
 * estate is scored by the street for the last two quarters (a few estates poorly, one now and then vetoed), and each
 * quarter's red and black list is published.
 */

type Estate = { estateId: string; companyId: string };

let session: string | undefined;

async function must<T>(core: Core, channel: string, input: unknown): Promise<T> {
  const res = await core.dispatch(channel as never, input as never, session);
  if (!res.ok) throw new Error(`${channel}：${res.error.message}`);
  return res.data as T;
}

function entriesFor(r: Rand, template: TemplateRecord, quality: number) {
  return template.categories.flatMap((c) => c.items).map((item) => {
    const base = { itemId: item.id, met: null as boolean | null, findings: [] as string[], ratePermille: null as number | null, vetoed: false, vetoNote: null as string | null };
    switch (item.method) {
      case 'binary': return { ...base, met: r() < quality };
      case 'deduction': return { ...base, findings: Array.from({ length: r() < quality ? 0 : int(r, 1, 3) }, () => pick(r, ['楼道有堆物', '报修未按时回访', '绿化带有垃圾'])) };
      case 'band': return { ...base, ratePermille: Math.min(1000, Math.floor(quality * 1000) + int(r, -80, 40)) };
      case 'veto': {
        const vetoed = r() < 0.01;
        return { ...base, vetoed, vetoNote: vetoed ? '发生安全责任事故' : null };
      }
    }
  });
}

export async function writeAssessments(core: Core, r: Rand, estates: Estate[], today: string): Promise<{ assessments: number; lists: number }> {
  session = (await must<{ token: string }>(core, 'system.signIn', { name: SEED_ADMIN, password: SEED_PASSWORD })).token;
  const draft = await must<TemplateRecord>(core, 'property.createTemplate', STARTER_TEMPLATE);
  const template = await must<TemplateRecord>(core, 'property.publishTemplate', { id: draft.template.id });
  const periods = pastQuarters(today, 2);
  // Each estate keeps its level from quarter to quarter; about one in eight is poorly served.
  const quality = estates.map(() => (r() < 0.12 ? 0.4 + r() * 0.2 : 0.8 + r() * 0.2));
  let assessments = 0;
  for (const { period, startsOn } of periods) {
    for (const [i, e] of estates.entries()) {
      const a = await must<{ assessment: { id: string } }>(core, 'property.createAssessment', { period, ...e, templateId: template.template.id, note: null });
      await must(core, 'property.saveAssessmentSheet', {
        assessmentId: a.assessment.id, body: 'street', assessor: '街道城管办', scoredOn: addDays(startsOn, int(r, 75, 85)),
        entries: entriesFor(r, template, quality[i]!),
      });
      assessments++;
    }
    await must(core, 'property.publishList', { period });
  }
  return { assessments, lists: periods.length };
}
