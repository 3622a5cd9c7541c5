import type { z } from 'zod';
import type { TemplateInput } from './assessment-schemas';

type Item = z.input<typeof TemplateInput>['categories'][number]['items'][number];

const binary = (content: string, points: number, guidance?: string): Item => ({ content, method: 'binary', pointsTenths: points * 10, guidance });
const deduction = (content: string, points: number, perFinding: number, guidance?: string): Item =>
  ({ content, method: 'deduction', pointsTenths: points * 10, perFindingTenths: perFinding * 10, guidance });
const band = (content: string, points: number, fullPct: number, partPct: number, partPoints: number, rateKind: 'collection' | 'satisfaction'): Item =>
  ({ content, method: 'band', pointsTenths: points * 10, bandFullPermille: fullPct * 10, bandPartPermille: partPct * 10, bandPartTenths: partPoints * 10, rateKind });
const veto = (content: string): Item => ({ content, method: 'veto', pointsTenths: 0 });

/**
 * A starting draft for a street's own sheet, out of 100. No complete official sheet is on file (PROPERTY-ELEVATOR.md
 * gives only their shape), so this one is put together from what it cites: Qingdao's 环境卫生 5 points with 1 off per
 * finding and complaints docked per case, the national sheet's 符合/不符合 items, Taizhou's bands (full at ≥ 95%,
 * part at ≥ 80%), the service-grade satisfaction of ≥ 90%, elevators maintained every 15 days, and veto items. The
 * clerk edits it to the street's own sheet before publishing it.
 */
export const STARTER_TEMPLATE: z.input<typeof TemplateInput> = {
  name: '物业服务质量考评表',
  totalTenths: 1000,
  note: '示例草稿：请按本街道的考评细则修改后发布。',
  categories: [
    {
      name: '基础管理', pointsTenths: 200, items: [
        binary('物业服务合同、服务标准和收费标准在小区显著位置公示', 5),
        binary('项目负责人和服务人员持证上岗、佩戴标识', 5),
        deduction('参加三方联动会议并落实决议事项', 5, 1, '缺席一次或逾期未落实一项扣 1 分'),
        deduction('业主投诉、报修及时处理并回访', 5, 1, '未及时处理的每件扣 1 分'),
      ],
    },
    {
      name: '环境卫生', pointsTenths: 200, items: [
        deduction('公共区域清扫保洁', 5, 1, '每发现一处不洁扣 1 分'),
        deduction('生活垃圾分类收集、日产日清', 5, 1),
        deduction('绿化养护，无黄土裸露、无枯死苗木', 5, 1),
        binary('化粪池、雨污水管道定期清掏疏通', 5),
      ],
    },
    {
      name: '秩序维护', pointsTenths: 200, items: [
        binary('门岗 24 小时值守，外来人员和车辆登记', 5),
        deduction('定时巡逻并有记录', 5, 1),
        deduction('消防设施完好，消防通道畅通', 5, 1, '每发现一处堵塞或损坏扣 1 分'),
        binary('车辆停放有序，无占用消防通道', 5),
      ],
    },
    {
      name: '设施设备', pointsTenths: 200, items: [
        binary('电梯每 15 日至少维护保养一次，年检合格', 5),
        binary('二次供水设施定期清洗消毒，水质检测合格', 5),
        deduction('公共照明、门禁、监控完好', 5, 1),
        deduction('共用部位、共用设施设备维修及时', 5, 1),
      ],
    },
    {
      name: '收费与满意度', pointsTenths: 200, items: [
        band('物业费收缴率', 10, 95, 80, 6, 'collection'),
        band('业主满意度测评', 10, 90, 80, 6, 'satisfaction'),
      ],
    },
    {
      name: '一票否决', pointsTenths: 0, items: [
        veto('发生重大安全责任事故'),
        veto('拒不执行三方联动决议或弃管撤离，造成恶劣影响'),
      ],
    },
  ],
};
