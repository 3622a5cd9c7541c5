import type { Clock } from '../../main/clock';
import { fixedClock, fixedToday } from './helpers';
import { partyFixture } from './party-fixture';

/**
 * The property tests' data is dated around December 2026 (a meeting on 2026-11-01, deadlines in November and
 * December), so they run at the fixed instant rather than at STREETDESK_TEST_NOW.
 */
export const today = fixedToday;

/** A real credit code (its check character holds) and a second one made valid by its own check character. */
export const CREDIT_CODE = '91350100M000100Y43';
export const OTHER_CREDIT_CODE = '91110108MA01A0KE67';

/** The party fixture's street, with the estate 阳光小区 (420 households) given a property profile and a company. */
export async function propertyFixture(opts: { clock?: Clock } = {}) {
  const t = await partyFixture({ clock: opts.clock ?? fixedClock() });
  const { call } = t;
  const estate = await call('property.createEstate', { placeId: t.estate.id, management: 'company', floorAreaHundredths: 4_567_890 });
  const company = await call('property.createCompany', { name: '阳光物业服务有限公司', creditCode: CREDIT_CODE, contactPerson: '刘经理', contactPhone: '13912345678', partyOrgForm: 'joint', partyMembers: 4 });
  /** A committee member who is not in the member register. */
  const resident = (name: string, extra: Record<string, unknown> = {}) => ({ name, role: 'member' as const, ...extra });
  const residents = (n: number) => Array.from({ length: n }, (_, i) => resident(`业主${i + 1}`));
  return { ...t, propertyEstate: estate, company, resident, residents };
}
