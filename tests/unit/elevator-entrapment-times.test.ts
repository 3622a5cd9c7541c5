import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entrapmentFigures } from '../../db/elevator/faults';
import { openDatabase } from '../../db/open';
import { elevatorFixture } from './elevator-fixture';
import { inMoment, tempDir } from './helpers';
import { recorded } from './query-plan';

const trapped = { peopleTrapped: 1, cause: 'door', rescuer: '江城电梯 李师傅' } as const;

describe('this year’s entrapment response times (基金概览)', () => {
  it('count, the share within the limit, and the medians of arrival and release, exact at odd and even counts', async () => {
    const { elevator, call } = await elevatorFixture();
    expect(await call('elevator.getEntrapmentTimes', {})).toEqual({
      from: '2026-01-01', to: '2026-12-02', entrapments: 0, withinLimit: 0, withinPermille: null, medianArrivalTenths: null, medianReleaseTenths: null, limitMinutes: 30,
    });
    const e = await elevator();
    const fault = (alarmAt: string, arrivedAt: string, releasedAt: string, extra: Record<string, unknown> = {}) =>
      call('elevator.createFault', { elevatorId: e.id, alarmAt, arrivedAt, releasedAt, ...trapped, ...extra });
    // Arrivals 10, 30 (exactly the limit: within), 35 minutes; releases 20, 50, 40.
    await fault('2026-03-01 10:00', '10:10', '10:20');
    await fault('2026-06-01 10:00', '10:30', '10:50');
    await fault('2026-11-30 23:50', '2026-12-01 00:25', '2026-12-01 00:30');
    // Not counted: nobody trapped, and last year's.
    await fault('2026-07-01 09:00', '11:00', '11:30', { peopleTrapped: 0 });
    await fault('2025-12-31 23:00', '23:50', '23:55');
    expect(await call('elevator.getEntrapmentTimes', {})).toMatchObject({ entrapments: 3, withinLimit: 2, withinPermille: 666, medianArrivalTenths: 300, medianReleaseTenths: 400 });
    // A fourth: the medians are the means of the two middle values — 25 and 32.5 minutes.
    await fault('2026-09-01 08:00', '08:20', '08:25');
    expect(await call('elevator.getEntrapmentTimes', {})).toMatchObject({ entrapments: 4, withinLimit: 3, withinPermille: 750, medianArrivalTenths: 250, medianReleaseTenths: 325 });
    // The limit is the street's setting.
    await call('elevator.updateSettings', { rescueArea: 'other', inspectionWarnDays: 30 });
    expect(await call('elevator.getEntrapmentTimes', {})).toMatchObject({ withinLimit: 4, withinPermille: 1000, limitMinutes: 60 });
  });

  it('reads the entrapments from their index, never scanning the faults', async () => {
    const db = await inMoment(() => openDatabase(path.join(tempDir(), 'x.sqlite')));
    const r = recorded(db);
    entrapmentFigures(r.spy, { from: '2026-01-01', to: '2026-12-02', limitMinutes: 30 });
    for (const i of [0, 1, 2]) {
      expect(r.plan(i)).toMatch(/SEARCH f USING INDEX elevator_faults_entrapments \(alarm_at>\? AND alarm_at<\?\)/);
      expect(r.plan(i)).not.toMatch(/SCAN f\b/);
    }
    db.close();
  });
});
