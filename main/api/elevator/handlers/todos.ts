import { listElevators } from '../../../../db/elevator/elevators';
import { entrapmentFigures, listFaults } from '../../../../db/elevator/faults';
import type { Handlers } from '../../router';
import type { elevatorContract } from '../contract';
import { inspectionWindowEnd, rescueLimitMinutes } from '../rules';
import { elevatorSettings } from './settings';

const none = { estateId: null, status: null, q: '', sort: 'place', offset: 0, limit: 1 } as const;

/** The home page's counts, each from the indexed list it links to; this year's rescue times for the overviews. */
export const todoHandlers: Pick<Handlers<typeof elevatorContract>, 'elevator.getTodos' | 'elevator.getEntrapmentTimes'> = {
  'elevator.getTodos': (_, { db, today }) => {
    const settings = elevatorSettings(db);
    const limitMinutes = rescueLimitMinutes(settings);
    return {
      maintenanceOverdue: listElevators(db, { ...none, warning: { kind: 'maintenance_overdue', today } }).total,
      inspectionDue: listElevators(db, { ...none, warning: { kind: 'inspection_due', inspectionBy: inspectionWindowEnd(today, settings) } }).total,
      slowRescues: listFaults(db, {
        elevatorId: null, estateId: null, entrapmentsOnly: true, slowerThan: limitMinutes,
        from: `${today.slice(0, 4)}-01-01`, to: today, offset: 0, limit: 1,
      }).total,
      limitMinutes,
      inspectionWarnDays: settings.inspectionWarnDays,
    };
  },

  'elevator.getEntrapmentTimes': (_, { db, today }) => {
    const limitMinutes = rescueLimitMinutes(elevatorSettings(db));
    const from = `${today.slice(0, 4)}-01-01`;
    const f = entrapmentFigures(db, { from, to: today, limitMinutes });
    const withinPermille = f.entrapments > 0 ? Math.floor((f.withinLimit * 1000) / f.entrapments) : null;
    return { from, to: today, ...f, withinPermille, limitMinutes };
  },
};
