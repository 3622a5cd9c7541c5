import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { idNumber } from '../../scripts/lib/people';
import { tempDir } from './helpers';
import { earlierThisYear, lastYear, today, volunteerFixture } from './volunteer-fixture';

/** The PDF's text as a reader would copy it (poppler's pdftotext), to check the Chinese is really there. */
function pdfText(base64: string): string {
  const file = path.join(tempDir(), 'record.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('the volunteer service record', () => {
  it('prints a person\'s activities and hours for a period as a PDF in Chinese, worded as a record', async () => {
    const { call, resident, activity } = await volunteerFixture();
    const id = idNumber('130104', '1962-08-09', 11, 'female');
    const a = await resident('欧阳秀兰', { idNumber: id });
    await activity(lastYear('03-05'), { [a.id]: 2 }, '学雷锋义务理发');
    await activity(earlierThisYear, { [a.id]: 3.5 }, '敬老院陪护聊天');
    const range = { volunteerId: a.id, from: lastYear('01-01'), to: today };
    const data = await call('volunteer.getServiceRecord', range);
    expect(data).toMatchObject({ activities: 2, totalHours: 55, unitName: '西里街道' });
    const printed = await call('volunteer.printServiceRecord', range);
    expect(printed.fileName).toBe(`志愿服务记录表-欧阳秀兰-${range.from}至${today}.pdf`);
    const text = pdfText(printed.contentBase64);
    for (const expected of ['志愿服务记录表', '欧阳秀兰', '学雷锋义务理发', '敬老院陪护聊天', '阳光小区党支部', '5.5', '谁组织谁记录', '未接入全国志愿服务信息系统', '经办人']) {
      expect(text).toContain(expected);
    }
    // Masked like every export, and never calling the hours certified.
    expect(text).not.toContain(id);
    // However the paragraph wraps it (pdftotext -layout keeps each line as drawn).
    expect(text.replace(/\s+/g, '')).toContain(`${id.slice(0, 6)}********${id.slice(14)}`);
    expect(text).not.toMatch(/认证时长|时长证明/);
    const audit = await call('system.listAudit', { entity: 'volunteer', entityId: a.id });
    expect(audit.rows[0]).toMatchObject({ action: 'print' });
  });

  it('leaves out activities outside the period and those not attended', async () => {
    const { call, resident, activity, branch } = await volunteerFixture();
    const a = await resident('钟南');
    const b = await resident('山北');
    await activity(lastYear('03-05'), { [a.id]: 2 });
    const act = await call('volunteer.createActivity', { title: '缺席的活动', onDate: earlierThisYear, organiserOrgId: branch.id });
    await call('volunteer.recordHours', { activityId: act.id, recorderOrgId: branch.id, rows: [{ person: { volunteerId: a.id }, attendance: 'absent', hours: 0 }, { person: { volunteerId: b.id }, attendance: 'present', hours: 10 }] });
    const data = await call('volunteer.getServiceRecord', { volunteerId: a.id, from: earlierThisYear, to: today });
    expect(data).toMatchObject({ activities: 0, totalHours: 0 });
  });
});
