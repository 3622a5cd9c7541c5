import { z } from 'zod';
import type { Db } from '../../../../db/open';
import { searchPlaces } from '../../../../db/party/places';
import { pinyinKeys } from '../../../../db/pinyin';
import { getSetting, setSetting } from '../../../../db/settings';
import { fieldError } from '../../common/errors';
import type { Handlers } from '../../router';
import type { requestsContract } from '../contract';
import { categoryName, categoryProblem, DEFAULT_TEMPLATES, type RequestTemplate } from '../rules';
import { RequestTemplate as TemplateSchema } from '../schemas';
import { streetCategories } from './categories';

const KEY = 'requests.templates';

/** The street's 常见事项模板, or the draft ones until it sets its own. */
export function requestTemplates(db: Db): RequestTemplate[] {
  const raw = getSetting(db, KEY);
  const parsed = raw ? z.array(TemplateSchema).safeParse(JSON.parse(raw)) : null;
  return parsed?.success ? parsed.data : [...DEFAULT_TEMPLATES];
}

/** Each template with its category's name and whether 上报 may use it now (a retired category's is not offered), and its pinyin initials for the picker. */
function views(db: Db) {
  const categories = streetCategories(db);
  return requestTemplates(db).map((t) => ({
    ...t,
    categoryLabel: categoryName(categories, t.category)!,
    usable: categoryProblem(categories, t.category, 'accepted') === null,
    initials: pinyinKeys(t.content, false).initials,
  }));
}

export const templateHandlers: Pick<Handlers<typeof requestsContract>, 'requests.listTemplates' | 'requests.saveTemplates' | 'requests.searchPlaces'> = {
  'requests.listTemplates': (_, { db }) => views(db),

  /** The whole list at once (the settings card edits it as a table); each category must be an accepted one in use. */
  'requests.saveTemplates': ({ templates }, { db, audit }) => {
    const categories = streetCategories(db);
    templates.forEach((t, i) => {
      const problem = categoryProblem(categories, t.category, 'accepted');
      if (problem) throw fieldError(`templates.${i}.category`, problem);
    });
    const before = requestTemplates(db);
    setSetting(db, KEY, JSON.stringify(templates));
    audit({ action: 'update', entity: 'requests_settings', entityId: KEY, before, after: templates });
    return views(db);
  },

  'requests.searchPlaces': ({ q, limit }, { db }) => searchPlaces(db, q, limit),
};
