import { z } from 'zod';
import type { Db } from '../../../../db/open';
import { latestStreetAnswers } from '../../../../db/requests/street-answers';
import type { PackageRecord, PackageTable } from '../../../export/types';
import { id } from '../../common/fields';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');

/** One street answer as it travels down: addressed to a community (its unit code), one of its requests and the escalation it answers. */
export interface StreetAnswerRecord extends PackageRecord {
  communityCode: string;
  requestId: string;
  round: number;
  measures: string;
  answeredBy: string;
  answeredOn: string;
}

/**
 * 街道答复 in the street's answers package (docs/package-format.md, "The street's answers package"): filed under
 * the street's own code (they are its rows) and each addressed to a community by `communityCode`, which the
 * community checks against its own before applying one. Not a monthly table: the street's package to the district
 * does not carry it.
 */
export const streetAnswersTable: PackageTable<StreetAnswerRecord> = {
  name: 'requests.streetAnswers',
  title: '街道答复',
  schema: z.object({
    id,
    communityCode: z.string().regex(/^[0-9A-Za-z_-]{2,64}$/, '单位代码格式不对'),
    requestId: id,
    round: z.number().int().min(0).max(1000),
    measures: z.string().min(1).max(1000),
    answeredBy: z.string().min(1).max(40),
    answeredOn: day,
    updatedAt: z.iso.datetime({ offset: true }),
  }),
  fields: { communityCode: '社区代码', requestId: '诉求编号', round: '答复时的重新交办次数', measures: '街道办理措施与答复', answeredBy: '答复人', answeredOn: '答复日期', updatedAt: '答复时间' },
  listFields: ['answeredOn', 'measures', 'answeredBy'],
  coverage: () => 'all',
  read: (db) => answerRecords(db, null),
};

/** The latest answer given here to each request of one community (or all), as records of the table. */
export const answerRecords = (db: Db, unitCode: string | null): StreetAnswerRecord[] =>
  latestStreetAnswers(db, unitCode).map((a) => ({
    id: a.id, communityCode: a.unitCode, requestId: a.requestId, round: a.round, measures: a.measures, answeredBy: a.answeredBy, answeredOn: a.answeredOn, updatedAt: a.createdAt,
  }));

export const answerTables: ReadonlyMap<string, PackageTable> = new Map([[streetAnswersTable.name, streetAnswersTable as PackageTable]]);
