import { describe, expect, it } from 'vitest';
import { elevatorFixture } from './elevator-fixture';

/**
 * The street's half-yearly and yearly TSG T5002 items (tables A3 and A4), typed in from the printed rule in 设置: coded
 * in their table's order, ticked on records, retired once a record has them, never renamed.
 */

const fieldsOf = (r: unknown) => (r as { error?: { fields?: { path: string; message: string }[]; reason?: string } }).error?.fields ?? [];

describe("the street's own maintenance items", () => {
  it('are coded A3-01… and A4-01… in the order added, ticked on a record, and checked by the core', async () => {
    const t = await elevatorFixture();
    const { call, attempt } = t;
    await call('elevator.addChecklistItem', { level: 'half_yearly', name: '电动机与驱动主机连接处' });
    await call('elevator.addChecklistItem', { level: 'half_yearly', name: '驱动轮、导向轮轴承部' });
    const items = await call('elevator.addChecklistItem', { level: 'yearly', name: '控制柜接触器、继电器触点' });
    expect(items.map((i) => [i.code, i.level, i.name, i.retired, i.inUse])).toEqual([
      ['A3-01', 'half_yearly', '电动机与驱动主机连接处', false, 0], ['A3-02', 'half_yearly', '驱动轮、导向轮轴承部', false, 0],
      ['A4-01', 'yearly', '控制柜接触器、继电器触点', false, 0],
    ]);
    expect(fieldsOf(await attempt('elevator.addChecklistItem', { level: 'half_yearly', name: '驱动轮、导向轮轴承部' }))).toEqual([
      { path: 'name', message: '半年维保项目中已有“驱动轮、导向轮轴承部”' },
    ]);

    const elevator = await t.elevator();
    const record = (extra: Record<string, unknown>) => ({
      elevatorId: elevator.id, doneOn: '2026-11-20', kind: 'half_yearly' as const, ...t.signed, signedBy: null, signedOn: null, ...extra,
    });
    const saved = await call('elevator.createMaintenance', record({ items: ['A1-01', 'A3-01'] }));
    expect(saved.items).toEqual(['A1-01', 'A3-01']);
    expect(fieldsOf(await attempt('elevator.createMaintenance', record({ items: ['A3-09'] })))).toEqual([
      { path: 'items', message: '维保项目 A3-09 不在本街道的维保项目表中（设置 → 电梯维保项目）' },
    ]);
    expect(fieldsOf(await attempt('elevator.createMaintenance', record({ items: ['B1-01'] })))).toEqual([
      { path: 'items', message: '维保项目 B1-01 不在 TSG T5002 项目表中' },
    ]);

    // Retired: no new record ticks it; the record that had it keeps it when edited.
    await call('elevator.retireChecklistItem', { code: 'A3-01', retired: true });
    expect(fieldsOf(await attempt('elevator.createMaintenance', record({ doneOn: '2026-11-21', items: ['A3-01'] })))).toEqual([
      { path: 'items', message: '维保项目 A3-01（电动机与驱动主机连接处）已停用，不能再勾选' },
    ]);
    const edited = await call('elevator.updateMaintenance', { ...record({ items: ['A3-01', 'A3-02'] }), id: saved.id, findings: '补记' });
    expect(edited.items).toEqual(['A3-01', 'A3-02']);

    // In use: retired, never deleted; unused: deleted. The list counts the records.
    expect(await attempt('elevator.deleteChecklistItem', { code: 'A3-01' })).toMatchObject({ ok: false, error: { reason: 'CHECKLIST_ITEM_IN_USE' } });
    const left = await call('elevator.deleteChecklistItem', { code: 'A4-01' });
    expect(left.map((i) => [i.code, i.retired, i.inUse])).toEqual([['A3-01', true, 1], ['A3-02', false, 1]]);
    expect(() => t.rawDb().prepare("UPDATE elevator_checklist_items SET name = '改名' WHERE code = 'A3-02'").run()).toThrow('维保项目添加后不能改名');

    const audit = await call('system.listAudit', { entity: 'elevator_checklist_item' });
    expect(audit.rows.map((e) => e.action).sort()).toEqual(['create', 'create', 'create', 'delete', 'retire']);
  });
});
