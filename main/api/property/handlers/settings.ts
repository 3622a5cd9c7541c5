import type { Db } from '../../../../db/open';
import { getSetting, setSetting } from '../../../../db/settings';
import type { Handlers } from '../../router';
import type { propertyContract } from '../contract';
import { DEFAULT_PROPERTY_SETTINGS, type PropertySettings } from '../rules';
import { PropertySettingsInput } from '../schemas';

const KEY = 'property.settings';

/** The street's settings, or the defaults where none (or an unreadable value) is stored. */
export function propertySettings(db: Db): PropertySettings {
  const raw = getSetting(db, KEY);
  if (!raw) return DEFAULT_PROPERTY_SETTINGS;
  const parsed = PropertySettingsInput.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : DEFAULT_PROPERTY_SETTINGS;
}

export const settingsHandlers: Pick<Handlers<typeof propertyContract>, 'property.getSettings' | 'property.updateSettings'> = {
  'property.getSettings': (_, { db }) => propertySettings(db),

  'property.updateSettings': (input, { db, audit }) => {
    const before = propertySettings(db);
    setSetting(db, KEY, JSON.stringify(input));
    audit({ action: 'update', entity: 'property_settings', entityId: KEY, before, after: input });
    return input;
  },
};
