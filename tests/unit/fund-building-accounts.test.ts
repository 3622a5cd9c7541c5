import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { exportAccounts } from '../../db/fund/export';
import { fixedClock } from './helpers';
import { partyFixture } from './party-fixture';

/**
 * Fund accounts per building (设置 → 电梯维保基金 → 基金账户设立方式): one account a building, its elevators the only
 * ones its entries may name, its floor area typed in its fee settings; an estate keeps one way at a time.
 */

const REG = (n: number) => `3110420102201506${String(n).padStart(4, '0')}`;
const SETTINGS = { disclosureIntervalMonths: 3 };

async function perBuildingStreet() {
  const t = await partyFixture({ clock: fixedClock() });
  const { call } = t;
  const building5 = await call('party.createPlace', { kind: 'building', parentId: t.estate.id, name: '5号楼', unitCount: 1 });
  const other = await call('party.createPlace', { kind: 'estate', parentId: t.community.id, name: '幸福小区' });
  const otherBuilding = await call('party.createPlace', { kind: 'building', parentId: other.id, name: '1号楼', unitCount: 1 });
  const elevatorIn = (buildingId: string, n: number) =>
    call('elevator.createElevator', { estateId: t.estate.id, buildingId, unitNo: 1, carLabel: `${n}号梯`, regCode: REG(n), type: 'passenger', status: 'in_service' });
  const open = (estateId: string, buildingId: string | null) => ({ estateId, buildingId, openingBalance: '1,000.00', openedOn: '2026-01-01' });
  return { ...t, building5, other, otherBuilding, elevatorIn, open };
}

const fieldsOf = (r: unknown) => (r as { error?: { fields?: { path: string; message: string }[] } }).error?.fields ?? [];

describe('fund accounts per building', () => {
  it('opens a building only when the setting says so, one account a building, and never beside an estate-wide one', async () => {
    const t = await perBuildingStreet();
    const { call, attempt } = t;
    // The default is one account an estate: a building is refused with where to change it.
    expect(fieldsOf(await attempt('fund.openAccount', t.open(t.estate.id, t.building.id)))).toEqual([
      { path: 'buildingId', message: '设置为按小区设立账户，不选楼栋（可在“设置 → 电梯维保基金”中改为按楼栋）' },
    ]);
    const estateWide = await call('fund.openAccount', t.open(t.other.id, null));

    await call('fund.updateSettings', { ...SETTINGS, accountScope: 'building' });
    expect((await call('fund.getSettings', {})).accountScope).toBe('building');
    expect(fieldsOf(await attempt('fund.openAccount', t.open(t.estate.id, null)))).toEqual([{ path: 'buildingId', message: '按楼栋设立账户，请选择楼栋' }]);
    expect(fieldsOf(await attempt('fund.openAccount', t.open(t.estate.id, t.otherBuilding.id)))).toEqual([{ path: 'buildingId', message: '请选择阳光小区的楼栋' }]);

    const three = await call('fund.openAccount', t.open(t.estate.id, t.building.id));
    expect(three).toMatchObject({ name: '阳光小区3号楼电梯维保基金', estateName: '阳光小区', buildingId: t.building.id, buildingName: '3号楼', balance: 100_000 });
    const five = await call('fund.openAccount', t.open(t.estate.id, t.building5.id));
    expect(fieldsOf(await attempt('fund.openAccount', t.open(t.estate.id, t.building.id)))).toEqual([
      { path: 'buildingId', message: '阳光小区3号楼已有基金账户“阳光小区3号楼电梯维保基金”' },
    ]);
    // 幸福小区 has its estate-wide account: no building account beside it, whatever the setting now says.
    expect(fieldsOf(await attempt('fund.openAccount', t.open(t.other.id, t.otherBuilding.id)))).toEqual([
      { path: 'estateId', message: '幸福小区已有全小区的基金账户，不能再按楼栋开户' },
    ]);
    // And back to one account an estate: 阳光小区 keeps its building accounts, and gets no estate-wide one.
    await call('fund.updateSettings', { ...SETTINGS, accountScope: 'estate' });
    expect(fieldsOf(await attempt('fund.openAccount', t.open(t.estate.id, null)))).toEqual([
      { path: 'estateId', message: '阳光小区已按楼栋设立基金账户，不能再开全小区的账户' },
    ]);
    const listed = await call('fund.listAccounts', {});
    expect(listed.map((a) => [a.id, a.buildingName]).sort()).toEqual([[three.id, '3号楼'], [five.id, '5号楼'], [estateWide.id, null]].sort());

    // The schema holds the same rules for any other writer: mixing the two ways in one estate, another estate's building.
    const db = t.rawDb();
    const insert = (estateId: string, buildingId: string | null) =>
      db.prepare(`INSERT INTO fund_accounts (id, estate_id, building_id, name, opening_balance, opened_on, status, created_at, updated_at, operator)
        VALUES (?, ?, ?, 'x', 0, '2026-01-01', 'active', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test')`).run(newId(), estateId, buildingId);
    expect(() => insert(t.estate.id, null)).toThrow('同一小区不能同时有按小区和按楼栋设立的基金账户');
    expect(() => insert(t.estate.id, t.otherBuilding.id)).toThrow('楼栋账户的楼栋应是该小区的楼栋');
    expect(() => db.prepare('UPDATE fund_accounts SET building_id = ? WHERE id = ?').run(t.building5.id, three.id)).toThrow('基金账户的楼栋开户后不能修改');

    // The package names the building, so the street's registers and statements can; an estate's account leaves the
    // fields out, so a street whose StreetDesk predates them still takes the package.
    const exported = exportAccounts(db, null);
    expect(exported.map((a) => [a.id, a.buildingId, a.buildingName]).sort()).toEqual(
      [[three.id, t.building.id, '3号楼'], [five.id, t.building5.id, '5号楼'], [estateWide.id, undefined, undefined]].sort(),
    );
    expect(Object.keys(exported.find((a) => a.id === estateWide.id)!)).not.toContain('buildingId');
  });

  it("names only its own building's elevators in an entry, and lists only those to pick", async () => {
    const t = await perBuildingStreet();
    const { call, attempt } = t;
    await call('fund.updateSettings', { ...SETTINGS, accountScope: 'building' });
    const three = await call('fund.openAccount', t.open(t.estate.id, t.building.id));
    const mine = await t.elevatorIn(t.building.id, 1);
    const theirs = await t.elevatorIn(t.building5.id, 2);
    const income = (elevatorIds: string[]) => ({
      id: newId(), accountId: three.id, onDate: '2026-02-01', amount: '100.00', purpose: '众筹补缴', category: 'other', elevatorIds,
    });
    expect(fieldsOf(await attempt('fund.postIncome', income([mine.id, theirs.id])))).toEqual([
      { path: 'elevatorIds', message: '有 1 部电梯不在阳光小区3号楼的电梯档案中，请从档案中选择' },
    ]);
    await call('fund.postIncome', income([mine.id]));
    const offered = await call('elevator.listElevators', { estateId: t.estate.id, buildingId: t.building.id });
    expect(offered.rows.map((e) => e.id)).toEqual([mine.id]);
    expect((await call('elevator.listElevators', { estateId: t.estate.id })).total).toBe(2);
  });

  it("allocates a building's fee from the area typed in its settings, not from the estate's profile", async () => {
    const t = await perBuildingStreet();
    const { call, attempt } = t;
    await call('fund.updateSettings', { ...SETTINGS, accountScope: 'building' });
    const three = await call('fund.openAccount', t.open(t.estate.id, t.building.id));
    const settings = { accountId: three.id, rate: '1.18', shareNum: 1, shareDen: 1 };
    expect(fieldsOf(await attempt('fund.saveFeeSettings', settings))).toEqual([{ path: 'areaHundredths', message: '请填写3号楼的建筑面积' }]);
    await call('fund.saveFeeSettings', { ...settings, areaHundredths: 650_050 });
    const preview = await call('fund.previewAllocation', { accountId: three.id, month: '2026-03' });
    // ¥1.18 × 6,500.50 m² = ¥7,670.59 (7,670.59 exactly: 118 × 650,050 / 100 fen).
    expect(preview).toMatchObject({ building: '3号楼', areaHundredths: 650_050, missing: [], figures: { feeFen: 767_059, amount: 767_059 } });
    const posted = await call('fund.allocateFee', { id: newId(), accountId: three.id, month: '2026-03' });
    expect(posted).toMatchObject({ areaHundredths: 650_050, amount: 767_059 });
  });
});
