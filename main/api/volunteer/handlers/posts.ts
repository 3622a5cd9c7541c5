import { labelOrgNames } from '../../party/org-names';
import type { Db } from '../../../../db/open';
import {
  getPost,
  insertPost,
  listAssignments,
  listPosts,
  postNameTaken,
  setPostStatus,
  updatePost,
  type PostRow,
} from '../../../../db/volunteer/posts';
import { setPost } from '../../../../db/volunteer/people';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { volunteerContract } from '../contract';
import { mustUnit, resolvePerson, scopePath } from './common';

type C = typeof volunteerContract;

const CUSTOM_POST_UNITS = new Set(['community_committee', 'branch']);

function mustPost(db: Db, id: string): PostRow {
  const p = getPost(db, id);
  if (!p) throw notFound('服务岗位');
  return p;
}

export const postHandlers: Pick<
  Handlers<C>,
  | 'volunteer.listPosts'
  | 'volunteer.createPost'
  | 'volunteer.updatePost'
  | 'volunteer.retirePost'
  | 'volunteer.listAssignments'
  | 'volunteer.assignPosts'
> = {
  'volunteer.listPosts': ({ includeRetired }, { db }) => labelOrgNames(db, listPosts(db, includeRetired)),

  'volunteer.createPost': ({ orgId, ...fields }, { db, operator, audit }) => {
    if (orgId) {
      const org = mustUnit(db, orgId, 'orgId', '设岗单位');
      if (!CUSTOM_POST_UNITS.has(org.level)) throw fieldError('orgId', '自设岗位由社区党组织或党支部设立');
    }
    if (postNameTaken(db, orgId, fields.name)) throw fieldError('name', `已有名为“${fields.name}”的岗位`);
    const id = insertPost(db, orgId, fields, operator);
    const row = mustPost(db, id);
    audit({ action: 'create', entity: 'volunteer_post', entityId: id, after: row });
    return row;
  },

  'volunteer.updatePost': ({ id, ...fields }, { db, operator, audit }) => {
    const before = mustPost(db, id);
    if (postNameTaken(db, before.orgId, fields.name, id)) throw fieldError('name', `已有名为“${fields.name}”的岗位`);
    updatePost(db, id, fields, operator);
    const after = mustPost(db, id);
    audit({ action: 'update', entity: 'volunteer_post', entityId: id, before, after });
    return after;
  },

  'volunteer.retirePost': ({ id, retired }, { db, operator, audit }) => {
    const before = mustPost(db, id);
    if (retired && before.holders > 0) {
      throw new DomainError('DOMAIN', `还有 ${before.holders} 人在“${before.name}”岗位上，请先为他们调整岗位再停用`, 'POST_HAS_HOLDERS');
    }
    setPostStatus(db, id, retired ? 'retired' : 'active', operator);
    const after = mustPost(db, id);
    audit({ action: retired ? 'retire' : 'restore', entity: 'volunteer_post', entityId: id, before, after });
    return after;
  },

  'volunteer.listAssignments': (input, { db }) => {
    const page = listAssignments(db, { ...input, orgPath: scopePath(db, input.orgId) });
    return { ...page, rows: labelOrgNames(db, page.rows) };
  },

  /** 一人一岗: each person one post (or none). A branch's own post is for that branch's people only. */
  'volunteer.assignPosts': ({ assignments, on }, ctx) => {
    let changed = 0;
    assignments.forEach(({ person, postId }, i) => {
      const v = resolvePerson(ctx, person, on, { active: true, path: `assignments.${i}.person` });
      const post = postId ? mustPost(ctx.db, postId) : null;
      if (post && post.status !== 'active') throw fieldError(`assignments.${i}.postId`, `“${post.name}”岗位已停用`);
      if (post?.orgId) {
        const unit = mustUnit(ctx.db, post.orgId, `assignments.${i}.postId`, '设岗单位');
        if (!v.orgPath.startsWith(unit.path)) throw fieldError(`assignments.${i}.postId`, `“${post.name}”是${unit.name}的自设岗位，${v.name}不属于该单位`);
      }
      if (v.postId === postId) return;
      setPost(ctx.db, v.id, postId, postId ? on : null, ctx.operator);
      ctx.audit({ action: 'assign_post', entity: 'volunteer', entityId: v.id, before: { post: v.postName }, after: { post: post?.name ?? null, on } });
      changed++;
    });
    return { changed };
  },
};
