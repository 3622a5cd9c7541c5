import { describe, expect, it } from 'vitest';
import { latestVersion } from '../../db/migrate';
import { orgLabelsOf } from '../../main/api/party/org-names';
import { AT, fileAt } from './upgrade-fixture';

type Db = ReturnType<typeof fileAt>;

const addBranch = (db: Db, id: string, parentId: string | null, name: string) =>
  db.prepare(`INSERT INTO orgs (id, parent_id, level, kind, name, name_pinyin, path, created_at, updated_at, operator)
    VALUES (?, ?, 'branch', '小区党支部', ?, 'di yi', ?, ?, ?, '王芳')`).run(id, parentId, name, `/${parentId ? `${parentId}/` : ''}${id}/`, AT, AT);
const addCommittee = (db: Db, id: string, name: string) =>
  db.prepare(`INSERT INTO orgs (id, level, kind, name, name_pinyin, path, created_at, updated_at, operator)
    VALUES (?, 'community_committee', '社区党委', ?, 'she qu', ?, ?, ?, '王芳')`).run(id, name, `/${id}/`, AT, AT);

/**
 * The units' labels are kept between answers (issue 17: recomputing them read every unit of a district per list)
 * and must never be stale: every change to orgs or places moves the version migration 036's triggers keep.
 */
describe("the units' labels, kept between answers", () => {
  it('are computed once while nothing changes, and again after any change to a unit, a rename, a second same-named unit', () => {
    const db = fileAt(latestVersion());
    addCommittee(db, 'c1', '西里社区党委');
    addBranch(db, 'b1', 'c1', '第一党支部');
    const first = orgLabelsOf(db);
    expect(orgLabelsOf(db)).toBe(first); // kept: nothing changed
    expect(first.get('b1')).toBe('第一党支部');
    addCommittee(db, 'c2', '东里社区党委');
    addBranch(db, 'b2', 'c2', '第一党支部');
    // A second 第一党支部: both are now named by their path.
    expect(orgLabelsOf(db).get('b1')).toBe('西里社区党委 › 第一党支部');
    db.prepare(`UPDATE orgs SET name = '第二党支部' WHERE id = 'b2'`).run();
    expect(orgLabelsOf(db).get('b1')).toBe('第一党支部');
    expect(orgLabelsOf(db).get('b2')).toBe('第二党支部');
    db.close();
  });

  it('never keeps what a rolled-back transaction saw', () => {
    const db = fileAt(latestVersion());
    addCommittee(db, 'c1', '西里社区党委');
    addBranch(db, 'b1', 'c1', '第一党支部');
    const before = orgLabelsOf(db);
    expect(() =>
      db.transaction(() => {
        addCommittee(db, 'c2', '东里社区党委');
        addBranch(db, 'b2', 'c2', '第一党支部');
        expect(orgLabelsOf(db).get('b1')).toBe('西里社区党委 › 第一党支部'); // inside: the transaction's own view
        throw new Error('refused');
      })(),
    ).toThrow('refused');
    const after = orgLabelsOf(db);
    expect(after.get('b1')).toBe('第一党支部');
    expect(after.has('b2')).toBe(false);
    expect(after).toBe(before);
    // A later change reaching the version the rolled-back one had is read afresh, not from anything kept then.
    addBranch(db, 'b3', 'c1', '第三党支部');
    expect(orgLabelsOf(db).get('b3')).toBe('第三党支部');
    expect(orgLabelsOf(db).has('b2')).toBe(false);
    db.close();
  });
});
