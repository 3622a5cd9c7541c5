import type { Db } from '../../../../db/open';
import { getSetting, setSetting } from '../../../../db/settings';
import type { Handlers } from '../../router';
import type { elevatorContract } from '../contract';
import { DEFAULT_ELEVATOR_SETTINGS, type ElevatorSettings } from '../rules';
import { ElevatorSettingsInput } from '../schemas';

const KEY = 'elevator.settings';

/** The street's settings, or the defaults where none (or an unreadable value) is stored. */
export function elevatorSettings(db: Db): ElevatorSettings {
  const raw = getSetting(db, KEY);
  if (!raw) return DEFAULT_ELEVATOR_SETTINGS;
  const parsed = ElevatorSettingsInput.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : DEFAULT_ELEVATOR_SETTINGS;
}

export const settingsHandlers: Pick<Handlers<typeof elevatorContract>, 'elevator.getSettings' | 'elevator.updateSettings'> = {
  'elevator.getSettings': (_, { db }) => elevatorSettings(db),

  'elevator.updateSettings': (input, { db, audit }) => {
    const before = elevatorSettings(db);
    setSetting(db, KEY, JSON.stringify(input));
    audit({ action: 'update', entity: 'elevator_settings', entityId: KEY, before, after: input });
    return input;
  },
};
