import type { Db } from '../../../../db/open';
import { getSetting, setSetting } from '../../../../db/settings';
import type { Handlers } from '../../router';
import type { requestsContract } from '../contract';
import { DEFAULT_REQUEST_SETTINGS, type RequestSettings } from '../rules';
import { RequestSettingsInput } from '../schemas';

const KEY = 'requests.settings';

/** The street's settings, or the defaults where none (or an unreadable value) is stored. */
export function requestSettings(db: Db): RequestSettings {
  const raw = getSetting(db, KEY);
  if (!raw) return DEFAULT_REQUEST_SETTINGS;
  const parsed = RequestSettingsInput.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : DEFAULT_REQUEST_SETTINGS;
}

export const settingsHandlers: Pick<Handlers<typeof requestsContract>, 'requests.getSettings' | 'requests.updateSettings'> = {
  'requests.getSettings': (_, { db }) => requestSettings(db),

  'requests.updateSettings': (input, { db, audit }) => {
    const before = requestSettings(db);
    setSetting(db, KEY, JSON.stringify(input));
    audit({ action: 'update', entity: 'requests_settings', entityId: KEY, before, after: input });
    return input;
  },
};
