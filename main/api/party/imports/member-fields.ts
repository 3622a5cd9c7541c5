import type { ImportField } from '../../import/register';
import { sheetNamesAreBranches } from './member-unit';
import { genders, memberCategories, memberRoles, memberStatuses } from '../labels';

/** The member register's columns as offices head them (花名册 templates from several districts). */

export const memberFields = [
  { key: 'name', label: '姓名', synonyms: ['党员姓名', '名字'], required: true, kind: 'personName' },
  { key: 'gender', label: '性别', kind: 'choice', choices: { male: [genders.male, '男性'], female: [genders.female, '女性'] }, hint: '空着时按身份证号填写' },
  { key: 'ethnicity', label: '民族', synonyms: ['民族成分'], kind: 'text' },
  { key: 'education', label: '学历', synonyms: ['文化程度', '最高学历', '学历学位', '全日制学历'], kind: 'text' },
  { key: 'birthDate', label: '出生日期', synonyms: ['出生年月', '出生年月日', '出生时间', '生日'], kind: 'date', monthOnly: 'keep', hint: '空着或只写到月时按身份证号填写' },
  {
    key: 'idNumber',
    label: '身份证号',
    synonyms: ['公民身份号码', '身份证号码', '身份证', '居民身份证号码', '身份证件号码', '证件号码', '公民身份证号'],
    kind: 'idNumber',
    hint: '用于识别重复的党员',
  },
  { key: 'phone', label: '手机', synonyms: ['手机号', '手机号码', '联系电话', '电话', '电话号码', '联系方式', '移动电话'], kind: 'phone' },
  { key: 'joinedOn', label: '入党日期', synonyms: ['入党时间', '入党年月', '加入党组织日期'], required: true, kind: 'date', monthOnly: 'keep' },
  { key: 'fullOn', label: '转正日期', synonyms: ['转正时间', '转为正式党员日期'], kind: 'date', monthOnly: 'keep' },
  {
    key: 'status',
    label: '党员状态',
    synonyms: ['党员类型', '正式/预备', '党籍状态', '人员类型'],
    kind: 'choice',
    choices: { full: [memberStatuses.full, '正式'], probationary: [memberStatuses.probationary, '预备'] },
    hint: '空着而有转正日期的，按正式党员',
  },
  {
    key: 'category',
    label: '党员类别',
    synonyms: ['类别', '党员分类', '人员类别'],
    kind: 'choice',
    choices: {
      community: [memberCategories.community, '社区', '居住地党员', '本社区党员'],
      in_service: [memberCategories.in_service, '在职', '双报到', '报到党员', '在职报到党员'],
      migrant: [memberCategories.migrant, '流动', '流入党员'],
      // Not a category but a status, often written here: read as 社区党员 + 预备 (members.ts).
      probationary: [memberStatuses.probationary, '预备'],
    },
    hint: '空着的按社区党员；写“预备党员”的按社区党员、预备',
  },
  { key: 'workUnit', label: '工作单位', synonyms: ['单位', '所在单位', '工作单位及职务'], kind: 'text' },
  { key: 'reportedOn', label: '报到日期', synonyms: ['报到时间', '社区报到日期', '到社区报到时间'], kind: 'date', monthOnly: 'keep' },
  {
    key: 'branch',
    label: '所在支部',
    synonyms: ['所在党支部', '党支部', '支部', '所属支部', '所属党支部', '支部名称', '所在党组织', '党组织', '所在组织', '所属党组织'],
    required: true,
    kind: 'text',
    hint: '与组织架构中的名称一致；一个工作表一个支部时可选“工作表名称”',
    orSheetName: true,
    sheetNamesFit: sheetNamesAreBranches,
  },
  { key: 'group', label: '所在党小组', synonyms: ['党小组', '所属党小组', '党小组名称'], kind: 'text', hint: '填了就编入该党小组' },
  {
    key: 'parentOrg',
    label: '上级党组织',
    synonyms: ['上级组织', '所属党委', '所在党委', '所属社区党委', '所在党总支', '所属党总支', '所属社区'],
    kind: 'text',
    hint: '区分不同社区的同名支部；新建缺少的支部时作为它的上级',
  },
  { key: 'address', label: '住址', synonyms: ['家庭住址', '现住址', '居住地址', '现居住地', '地址', '联系地址', '家庭地址'], kind: 'text' },
  {
    key: 'role',
    label: '职务',
    synonyms: ['党内职务', '支部职务'],
    kind: 'choice',
    choices: {
      secretary: [memberRoles.secretary, '支部书记', '党支部书记', '党委书记', '总支书记'],
      deputy_secretary: [memberRoles.deputy_secretary, '支部副书记', '党支部副书记'],
      committee: [memberRoles.committee, '支委', '支部委员', '组织委员', '宣传委员', '纪检委员', '青年委员', '统战委员'],
      group_leader: [memberRoles.group_leader, '小组长', '组长', '党小组组长'],
    },
  },
  { key: 'isCentreHousehold', label: '是否党员中心户', synonyms: ['党员中心户', '中心户', '是否中心户'], kind: 'boolean' },
  { key: 'note', label: '备注', synonyms: ['说明'], kind: 'text' },
] as const satisfies readonly ImportField[];

export type MemberFieldKey = (typeof memberFields)[number]['key'];
