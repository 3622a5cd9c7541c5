import type { Db } from '../../../../db/open';
import { getInstallation } from '../../../../db/settings';
import { serviceLines } from '../../../../db/volunteer/service-record';
import { pdfOut } from '../../../export/file-out';
import { renderDocument } from '../../../export/pdf/document';
import { chineseDate } from '../../../export/period';
import type { Handlers } from '../../router';
import type { ServiceRecordData, volunteerContract } from '../contract';
import { volunteerKinds } from '../labels';
import { tenthsText } from '../tenths';
import { maskVolunteer, mustVolunteer } from './common';

type C = typeof volunteerContract;

/**
 * Wording that DOMAIN.md requires: the record of a unit not connected to the national volunteer platform calls
 * its hours recorded (记录), never certified (认证).
 */
export const RECORD_TITLE = '志愿服务记录表';
export const RECORD_STATEMENT =
  '以上服务记录由各活动的组织单位按照“谁组织谁记录”的原则登记，本表据此汇总打印，供查询和留存。' +
  '本表所列为本单位记录的志愿服务时长，未接入全国志愿服务信息系统，不是该系统认证的服务时长。' +
  '志愿者对记录有异议的，可以向记录单位申请更正。';

export function serviceRecord(db: Db, volunteerId: string, from: string, to: string): ServiceRecordData {
  const v = mustVolunteer(db, volunteerId);
  const lines = serviceLines(db, volunteerId, from, to);
  return {
    volunteer: maskVolunteer(v),
    from,
    to,
    lines,
    totalHours: lines.reduce((s, l) => s + l.hours, 0),
    activities: lines.length,
    unitName: getInstallation(db)?.unitName ?? '',
  };
}

/** The printable record: A4, the official layout of main/export/pdf, masked ID number, signature blocks. */
export function renderServiceRecord(r: ServiceRecordData): Promise<Buffer> {
  const v = r.volunteer;
  const who = [`姓名：${v.name}`, v.gender ? `性别：${v.gender === 'male' ? '男' : '女'}` : '', v.idNumberMasked ? `身份证号：${v.idNumberMasked}` : ''];
  const where = [`类别：${volunteerKinds[v.kind]}`, `所属单位：${v.orgName}`, v.postName ? `服务岗位：${v.postName}` : '', v.team ? `所属队伍：${v.team}` : ''];
  const line = (parts: string[]) => parts.filter(Boolean).join('　　');
  const summary = `${chineseDate(r.from)}至${chineseDate(r.to)}，共参加志愿服务活动 ${r.activities} 次，记录服务时长 ${tenthsText(r.totalHours)} 小时。`;
  return renderDocument({
    title: RECORD_TITLE,
    subtitle: [r.unitName, `记录期间：${chineseDate(r.from)}至${chineseDate(r.to)}`],
    author: r.unitName,
    blocks: [
      { kind: 'paragraph', text: line(who) },
      { kind: 'paragraph', text: line(where) },
      { kind: 'paragraph', text: summary, bold: true },
      {
        kind: 'table',
        columns: [
          { header: '序号', width: 6, align: 'center' },
          { header: '日期', width: 13 },
          { header: '活动名称', width: 25 },
          { header: '服务岗位', width: 11 },
          { header: '组织单位', width: 16 },
          { header: '记录单位 / 记录人', width: 18 },
          { header: '时长（小时）', width: 11, align: 'right' },
        ],
        rows: r.lines.map((l, i) => [
          String(i + 1), l.onDate, l.title, l.postName ?? '', l.organiserName,
          [l.recorderOrgName, l.recordedBy].filter(Boolean).join(' / '), tenthsText(l.hours),
        ]),
        totalRow: ['', '合计', `共 ${r.activities} 次`, '', '', '', tenthsText(r.totalHours)],
      },
      { kind: 'paragraph', text: RECORD_STATEMENT, size: 9.5 },
      { kind: 'paragraph', text: `出具单位（盖章）：${r.unitName}` },
    ],
    signatures: ['经办人', '审核人', '负责人'],
  });
}

export const certificateHandlers: Pick<Handlers<C>, 'volunteer.getServiceRecord' | 'volunteer.printServiceRecord'> = {
  'volunteer.getServiceRecord': ({ volunteerId, from, to }, { db }) => serviceRecord(db, volunteerId, from, to),

  'volunteer.printServiceRecord': async ({ volunteerId, from, to }, { db, audit }) => {
    const record = serviceRecord(db, volunteerId, from, to);
    const pdf = await renderServiceRecord(record);
    // A document with personal data left the system: logged, like every export.
    audit({ action: 'print', entity: 'volunteer', entityId: volunteerId, after: { document: RECORD_TITLE, from, to } });
    return pdfOut(`${RECORD_TITLE}-${record.volunteer.name}-${from}至${to}.pdf`, pdf);
  },
};
