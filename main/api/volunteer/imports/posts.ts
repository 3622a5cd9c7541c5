import { ensureMemberVolunteer, setPost } from '../../../../db/volunteer/people';
import { listPosts, type PostRow } from '../../../../db/volunteer/posts';
import { parseLooseDate } from '../../common/identifiers';
import { todayIso } from '../../common/calendar';
import { defineRegister, type RowProblems, type RowValues, type RunContext } from '../../import/register';
import { wordKey } from '../../import/values';
import { normalisedId, PersonDirectory, text, type PersonEntry } from './person-directory';

/** 岗位认领台账 (一人一岗): one row per person and the post they hold, found by ID number or a unique name. */

interface Assignment {
  person: PersonEntry;
  post: PostRow;
  since: string;
}

const idField = { key: 'idNumber', label: '身份证号', synonyms: ['公民身份号码', '身份证号码', '身份证'], kind: 'idNumber', hint: '同名的人靠它区分' } as const;

/** The posts a person may hold by name: the street's standard ones and their own units' custom ones. */
function findPost(posts: PostRow[], name: string, person: PersonEntry): PostRow | string {
  const key = wordKey(name);
  const named = posts.filter((p) => wordKey(p.name) === key);
  const usable = named.filter((p) => !p.orgPath || person.orgPath.startsWith(p.orgPath));
  if (usable.length === 1) return usable[0]!;
  if (named.length === 0) return `没有名为“${name}”的服务岗位，请先在“服务岗位”中新增`;
  if (usable.length === 0) return `“${name}”是其他支部的自设岗位，${person.name}不能认领`;
  return `有 ${usable.length} 个名为“${name}”的岗位，请在“服务岗位”中改名区分`;
}

function start(run: RunContext, rows: readonly RowValues[]) {
  const people = new PersonDirectory(run.db, rows);
  const posts = listPosts(run.db);
  const today = todayIso();
  return {
    toRecord(v: RowValues, problems: RowProblems): Assignment | null {
      const fail = (field: string, message: string) => {
        problems.add(field, message);
        return null;
      };
      const found = people.find(normalisedId(v.idNumber), text(v.name));
      if (!('entry' in found)) return fail(found.field, found.problem);
      const post = findPost(posts, text(v.post) ?? '', found.entry);
      if (typeof post === 'string') return fail('post', post);
      const since = parseLooseDate(text(v.since) ?? today);
      if (!since || since > today) return fail('since', '认岗日期格式不对或晚于今天，例如 2024-03-05');
      return { person: found.entry, post, since };
    },
    // One person, one post: a second row for the same person is a duplicate.
    keyOf: (a: Assignment) => a.person.memberId ?? a.person.volunteerId,
    existingId: (a: Assignment) => (a.person.postId ? a.person.volunteerId : null),
    save(a: Assignment, existingId: string | null) {
      if (!run.write) return;
      const id = a.person.volunteerId ?? ensureMemberVolunteer(run.db, a.person.memberId!, a.since, run.operator).id;
      setPost(run.db, id, a.post.id, a.since, run.operator);
      if (existingId) {
        const before = posts.find((p) => p.id === a.person.postId)?.name ?? null;
        run.audit({ action: 'import_update', entity: 'volunteer', entityId: id, before: { post: before }, after: { post: a.post.name, on: a.since, importId: run.importId } });
      }
    },
    preview: (a: Assignment) => ({ name: a.person.name, post: a.post.orgName ? `${a.post.name}（${a.post.orgName}）` : a.post.name, since: a.since }),
    extras: () => [],
  };
}

export const postsRegister = defineRegister<Assignment>({
  key: 'volunteer.posts',
  title: '岗位认领台账',
  description: '每行一人认领的服务岗位（一人一岗）；按身份证号或唯一的姓名找到党员或志愿者',
  fields: [
    { key: 'name', label: '姓名', synonyms: ['党员姓名', '志愿者姓名'], required: true, kind: 'personName' },
    idField,
    { key: 'post', label: '服务岗位', synonyms: ['岗位', '认领岗位', '岗位名称', '志愿服务岗位'], required: true, kind: 'text' },
    { key: 'since', label: '认岗日期', synonyms: ['认领日期', '上岗日期'], kind: 'date', hint: '空着的按今天' },
  ],
  keyFields: ['idNumber', 'name'],
  start,
});

export { idField };
