import { z } from 'zod';
import { todayIso } from '../../../../main/api/common/calendar';
import { MemberInput, MemberUpdate, TransferIn } from '../../../../main/api/party/schemas';
import { ApiError } from '../../api/client';
import { reg } from '../../i18n/party-register';
import type { MemberView, PlaceRow } from '../types';
import { MEMBER_UNITS, type OrgNode } from '../useOrgTree';

export type MemberFormMode =
  | { kind: 'create'; orgId: string | null }
  | { kind: 'transfer'; orgId: string | null }
  | { kind: 'edit'; member: MemberView };

/**
 * Transfer-in as one flat form: the member's fields plus the API's own `on` and `from` fields. The API nests
 * the member (`{ member, on, from }`); `toTransferIn` and `unnestErrors` translate between the two.
 */
const TransferInForm = MemberInput.and(z.object({ on: TransferIn.shape.on, from: TransferIn.shape.from }));

export const schemaFor = (mode: MemberFormMode): z.ZodType =>
  mode.kind === 'create' ? MemberInput : mode.kind === 'transfer' ? TransferInForm : MemberUpdate;

export function toTransferIn(parsed: z.output<typeof TransferInForm>): z.input<typeof TransferIn> {
  const { on, from, ...member } = parsed;
  return { member, on, from };
}

/** Server errors about `member.idNumber` belong beside the form's `idNumber`. */
export function unnestErrors(err: unknown): unknown {
  if (!(err instanceof ApiError) || !err.body.fields) return err;
  return new ApiError({ ...err.body, fields: err.body.fields.map((f) => ({ ...f, path: f.path.replace(/^member\./, '') })) });
}

const blank = {
  name: '',
  gender: null,
  ethnicity: '',
  education: '',
  birthDate: '',
  idNumber: '',
  phone: '',
  joinedOn: '',
  fullOn: '',
  status: 'full',
  category: 'community',
  workUnit: '',
  reportedOn: '',
  orgId: null as string | null,
  buildingId: null,
  address: '',
  role: null,
  isCentreHousehold: false,
  note: '',
};

export function initialValues(mode: MemberFormMode): Record<string, unknown> {
  if (mode.kind === 'create') return { ...blank, orgId: mode.orgId };
  if (mode.kind === 'transfer') return { ...blank, orgId: mode.orgId, on: todayIso(), from: '' };
  const m = mode.member;
  const text = (v: string | null) => v ?? '';
  return {
    id: m.id,
    name: m.name,
    gender: m.gender,
    ethnicity: text(m.ethnicity),
    education: text(m.education),
    birthDate: text(m.birthDate),
    // The stored numbers never reach the form: it shows them masked, and "keep" sends them back unchanged.
    idNumber: '',
    keepIdNumber: !!m.idNumberMasked,
    phone: '',
    keepPhone: !!m.phoneMasked,
    joinedOn: m.joinedOn,
    fullOn: text(m.fullOn),
    status: m.status,
    category: m.category,
    workUnit: text(m.workUnit),
    reportedOn: text(m.reportedOn),
    orgId: m.orgId,
    buildingId: m.buildingId,
    address: text(m.address),
    role: m.role,
    isCentreHousehold: m.isCentreHousehold,
    note: text(m.note),
  };
}

/** The org preselected for a new member: the tree's selection when members can sit there. */
export function defaultOrg(selected: OrgNode | undefined): string | null {
  return selected && selected.status === 'active' && MEMBER_UNITS.includes(selected.level) ? selected.id : null;
}

export function buildingOptions(places: PlaceRow[]) {
  const names = new Map(places.map((p) => [p.id, p.name]));
  return places
    .filter((p) => p.kind === 'building')
    .map((p) => ({ value: p.id, label: p.parentId ? reg.tree.withParent(p.name, names.get(p.parentId) ?? '') : p.name }));
}
