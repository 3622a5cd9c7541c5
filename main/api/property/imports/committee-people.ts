import { activeMembersNamed, getMember, membersByIdNumbers } from '../../../../db/party/members';
import type { RowProblems, RowValues, RunContext } from '../../import/register';
import { wordKey } from '../../import/values';

/**
 * A committee member's tie to the member register: by ID number, or by name and birth date (to the day, or to the
 * month when the file keeps 出生年月). A party member the register has is linked (the roster then reads the name
 * from there, one person one record); one it does not have is registered by name as a party member, with a
 * warning, as the form lets the clerk type one.
 */

export interface PartyTie {
  memberId: string | null;
  isPartyMember: boolean;
}

/** What the file says of the person: 是否党员 (yes / no / empty), the ID number, the birth date. */
export interface PersonFacts {
  name: string;
  partyWord: 'yes' | 'no' | null;
  idNumber: string | null;
  birthDate: string | null;
}

export class CommitteePeople {
  private readonly byId: Map<string, string>;
  private readonly named: ReturnType<typeof activeMembersNamed>;

  constructor(private readonly run: RunContext, rows: readonly RowValues[], facts: (v: RowValues) => PersonFacts | null) {
    const all = rows.map(facts).filter((f): f is PersonFacts => f !== null);
    this.byId = membersByIdNumbers(run.db, all.flatMap((f) => (f.idNumber ? [f.idNumber] : [])));
    this.named = activeMembersNamed(run.db, all.filter((f) => !f.idNumber && f.birthDate).map((f) => f.name));
  }

  /** The register's member the facts name: an id, none, or a problem (field, message). */
  private find(f: PersonFacts): { id: string | null } | { field: string; problem: string } {
    if (f.idNumber) {
      const id = this.byId.get(f.idNumber);
      const member = id ? getMember(this.run.db, id) : undefined;
      if (!member || member.lifecycle !== 'active') return { id: null };
      if (wordKey(member.name) !== wordKey(f.name)) return { field: 'idNumber', problem: `身份证号对应的是${member.name}，请核对姓名` };
      return { id: member.id };
    }
    if (!f.birthDate) return { id: null };
    const same = (this.named.get(f.name) ?? []).filter((m) => m.birthDate?.startsWith(f.birthDate!));
    if (same.length > 1) return { field: 'idNumber', problem: `党员名册中有 ${same.length} 名同名、出生日期相同的党员，无法确定是哪一位：请填写身份证号` };
    return { id: same[0]?.id ?? null };
  }

  tie(f: PersonFacts, problems: RowProblems): PartyTie | null {
    const found = this.find(f);
    if ('problem' in found) {
      problems.add(found.field, found.problem);
      return null;
    }
    if (found.id) {
      if (f.partyWord === 'no') {
        problems.add('isPartyMember', `${f.name}在党员名册中，“是否党员”却填的是“否”，请核对`);
        return null;
      }
      return { memberId: found.id, isPartyMember: true };
    }
    if (f.partyWord === 'yes') {
      problems.warn('isPartyMember', f.idNumber || f.birthDate
        ? `党员名册中没有找到${f.name}（按${f.idNumber ? '身份证号' : '姓名和出生日期'}），按党员登记，未与名册关联`
        : '没有身份证号或出生日期，无法与党员名册关联：按党员登记，未与名册关联');
    }
    return { memberId: null, isPartyMember: f.partyWord === 'yes' };
  }
}
