import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listElevators } from '../../db/elevator/elevators';
import { listFaults } from '../../db/elevator/faults';
import { openDatabase } from '../../db/open';
import { elevatorFixture } from './elevator-fixture';
import { inMoment, tempDir } from './helpers';
import { recorded } from './query-plan';

const page = { estateId: null, status: null, q: '', sort: 'place', offset: 0, limit: 100 } as const;

describe('the street-wide lists', () => {
  it('read their rows and counts from indexes, not table scans', async () => {
    const db = await inMoment(() => openDatabase(path.join(tempDir(), 'x.sqlite')));
    const overdue = recorded(db);
    listElevators(overdue.spy, { ...page, warning: { kind: 'maintenance_overdue', today: '2026-12-02' } });
    for (const i of [0, 1]) {
      expect(overdue.plan(i)).toMatch(/SEARCH e USING (COVERING )?INDEX elevators_routine_due \(routine_due_on<\?\)/);
      expect(overdue.plan(i)).not.toMatch(/SCAN e\b/);
    }
    const inspection = recorded(db);
    listElevators(inspection.spy, { ...page, warning: { kind: 'inspection_due', inspectionBy: '2027-01-01' } });
    expect(inspection.plan(0)).toMatch(/SEARCH e USING INDEX elevators_inspection \(next_inspection_on<\?\)/);
    for (const sort of ['routine', 'inspection'] as const) {
      const sorted = recorded(db);
      listElevators(sorted.spy, { ...page, sort, warning: null });
      expect(sorted.plan(0), sort).toMatch(sort === 'routine' ? /SCAN e USING INDEX elevators_last_routine/ : /SCAN e USING INDEX elevators_next_inspection/);
      expect(sorted.plan(0), sort).not.toMatch(/TEMP B-TREE/);
    }
    const byEstate = recorded(db);
    listElevators(byEstate.spy, { ...page, estateId: 'e1', warning: null });
    expect(byEstate.plan(0)).toMatch(/SEARCH e USING INDEX elevators_estate \(estate_id=\?\)/);
    const slow = recorded(db);
    listFaults(slow.spy, { elevatorId: null, estateId: null, entrapmentsOnly: true, slowerThan: 30, from: '2026-01-01', to: '2026-12-02', offset: 0, limit: 100 });
    expect(slow.plan(0)).toMatch(/SEARCH f USING INDEX elevator_faults_entrapments \(alarm_at>\? AND alarm_at<\?\)/);
    const history = recorded(db);
    listFaults(history.spy, { elevatorId: 'x', estateId: null, entrapmentsOnly: false, slowerThan: null, from: null, to: null, offset: 0, limit: 100 });
    expect(history.plan(0)).toMatch(/SEARCH f USING INDEX elevator_faults_elevator \(elevator_id=\?\)/);
    db.close();
  });
});

describe('the register list', () => {
  it('is filtered by estate, status and warning, and paged in SQL with the total', async () => {
    const { elevator, maintenance, call, estate } = await elevatorFixture();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await elevator({ regCode: `3110420102201506012${i}`, carLabel: `${i + 1}号梯`, unitNo: 1 + (i % 2) }));
    await maintenance(made[0]!.id, '2026-12-01');
    await maintenance(made[1]!.id, '2026-11-10'); // due 11-25: overdue on 12-02
    await call('elevator.updateElevator', { ...made[4]!, contractPrice: '350', speed: '1.75', status: 'stopped' });
    const overdue = await call('elevator.listElevators', { warning: 'maintenance_overdue', limit: 2 });
    // In service and overdue: never maintained (''), then by due day.
    expect(overdue.total).toBe(3);
    expect(overdue.rows.map((r) => r.carLabel)).toEqual(['3号梯', '4号梯']);
    expect((await call('elevator.listElevators', { warning: 'maintenance_overdue', offset: 2 })).rows.map((r) => r.carLabel)).toEqual(['2号梯']);
    expect((await call('elevator.listElevators', { status: 'stopped' })).rows.map((r) => r.carLabel)).toEqual(['5号梯']);
    expect((await call('elevator.listElevators', { estateId: estate.id, q: '0123' })).rows.map((r) => r.carLabel)).toEqual(['4号梯']);
  });
});

describe('the register sorted by a column', () => {
  it('by 最近维保: never maintained first, then the longest ago; by 下次检验: soonest first, those without a date last', async () => {
    const { elevator, maintenance, call } = await elevatorFixture();
    const made = [];
    for (let i = 0; i < 4; i++) made.push(await elevator({ regCode: `3110420102201506013${i}`, carLabel: `${i + 1}号梯` }));
    await maintenance(made[0]!.id, '2026-11-20');
    await maintenance(made[1]!.id, '2026-10-02');
    await maintenance(made[3]!.id, '2026-11-28');
    for (const [i, on] of [[0, '2027-03-01'], [2, '2026-12-20'], [3, '2027-01-15']] as const) {
      await call('elevator.updateElevator', { ...(await call('elevator.getElevator', { id: made[i]!.id })), contractPrice: null, speed: null, nextInspectionOn: on });
    }
    const labels = async (sort: 'place' | 'routine' | 'inspection', offset = 0) =>
      (await call('elevator.listElevators', { sort, offset, limit: 3 })).rows.map((r) => r.carLabel);
    expect([...await labels('routine'), ...await labels('routine', 3)]).toEqual(['3号梯', '2号梯', '1号梯', '4号梯']);
    expect([...await labels('inspection'), ...await labels('inspection', 3)]).toEqual(['3号梯', '4号梯', '1号梯', '2号梯']);
    expect([...await labels('place'), ...await labels('place', 3)]).toEqual(['1号梯', '2号梯', '3号梯', '4号梯']);
  });
});
