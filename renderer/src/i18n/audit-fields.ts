import { elevatorStatuses, elevatorTypes, faultCauses, inspectionResults, maintenanceKinds } from '../../../main/api/elevator/labels';
import { accountStatuses, campaignSchemes, campaignStatuses, directions, entryStatuses, grantKinds, reconciliationStatuses, sides, signatoryStatuses } from '../../../main/api/fund/labels';
import { genders, lifecycles, meetingTypes, memberCategories, memberRoles, memberStatuses, orgLevels, orgStatuses, placeKinds } from '../../../main/api/party/labels';
import { cardBases, cardColours, managementTypes, partyOrgForms, resolutionStatuses, residentRatings } from '../../../main/api/property/labels';
import { handlerKinds, ratings, requestCategories, requestSources, requestStates, urgencies, wishKinds, wishStates } from '../../../main/api/requests/labels';
import { conflictStatuses, submissionDirections, submissionKinds } from '../../../main/api/submission/labels';
import { itemStatuses, pointCategories, postKinds, postStatuses, sourceKinds, volunteerKinds } from '../../../main/api/volunteer/labels';

/**
 * The audit detail's field names in Chinese. An entry logs the record as the handler saw it, so its keys are the
 * row types' field names (db/<module>/types.ts): one word for the keys every module shares, and per entity the few
 * whose meaning differs there (`amount` is 积分 in the points ledger, 金额 in the fund). A key with no name here is
 * shown as it is logged (tests/unit/audit-page.test.ts names every key its entries log).
 */
const common: Record<string, string> = {
  id: '记录编号', name: '名称', note: '备注', status: '状态', kind: '类别', category: '类别', reason: '原因',
  operator: '经办账号', createdAt: '创建时间', updatedAt: '最后修改', seq: '序号', code: '编码',
  address: '地址', phone: '联系电话', phoneMasked: '联系电话（打码）', idNumber: '身份证号', idNumberMasked: '身份证号（打码）',
  gender: '性别', ethnicity: '民族', education: '学历', birthDate: '出生日期', workUnit: '工作单位', role: '角色',
  orgId: '所在组织编号', orgName: '所在组织', orgPath: '组织路径', parentId: '上级编号', path: '路径',
  placeId: '地点编号', placeName: '地点', placeKind: '地点类型', buildingId: '楼栋编号', buildingName: '楼栋', unitNo: '单元',
  communityId: '社区编号', communityName: '社区', estateId: '小区编号', estateName: '小区',
  companyId: '物业企业编号', companyName: '物业企业', households: '户数', buildings: '楼栋',
  title: '标题', content: '内容', description: '说明', topic: '议题', topics: '议题', minutes: '会议纪要',
  heldOn: '召开日期', onDate: '日期', date: '日期', month: '月份', period: '期间', year: '年度', quarter: '季度',
  from: '起', to: '止', on: '日期', startTime: '开始时间', endTime: '结束时间', place: '地点',
  startsOn: '起始日期', endsOn: '截止日期', doneOn: '办结日期', dueOn: '期限', leftOn: '离开日期',
  amount: '金额', balance: '余额', points: '积分', hours: '工时', rule: '规则', entries: '记录',
  attendees: '参会人员', attendance: '出席情况', resolutions: '决议事项', field: '字段', document: '文件',
  active: '是否在岗', memberId: '党员编号', volunteerId: '志愿者编号', postId: '岗位编号', postName: '服务岗位', post: '服务岗位',
  rating: '评价', result: '结果', state: '办理状态', answer: '答复', steps: '办理过程', nextSteps: '可办理的下一步',
  reversal: '冲正', reversesId: '被冲正记录', reversedBy: '冲正记录', changed: '有变动的记录', revision: '版次',
  sha256: '文件校验值', fileName: '文件名', register: '台账', rows: '行数', unmasked: '含完整个人信息', files: '文件',
  unit: '单位', fingerprint: '密钥指纹', direction: '方向', elevatorId: '电梯编号', regCode: '注册代码', carLabel: '轿厢标识',
  signer: '签字人', signoff: '签字确认', side: '签字方', accountId: '账户编号', purpose: '用途', counterparty: '对方单位或个人',
  value: '值',
};

const memberFields = {
  name: '姓名', category: '人员类别', status: '党员状态', lifecycle: '在册状态', joinedOn: '入党日期', fullOn: '转正日期',
  reportedOn: '报到日期', leftTo: '转往', transferredFrom: '转自', transferredInOn: '转入日期', isCentreHousehold: '党员中心户',
  role: '党内职务',
};

const byEntity: Record<string, Record<string, string>> = {
  account: { name: '账号', disabledAt: '停用时间', failures: '连续输错次数', nextAccount: '换用的账号', mustChangePassword: '须修改密码' },
  installation: {
    unitName: '单位名称', unitCode: '单位代码', unitLevel: '单位层级', parentName: '上级单位', parentCode: '上级单位代码',
    signingKey: '签名公钥', operator: '经办人',
  },
  place: { kind: '地点类型', code: '编码', childCount: '下级数', unitCount: '单元数' },
  org: {
    name: '组织名称', kind: '组织类别', level: '组织层级', establishedOn: '成立日期', dissolvedOn: '撤销日期',
    memberCount: '在册党员', secretaryName: '书记', parentId: '上级组织编号',
  },
  // A consolidated record is a community's member as its package carried it.
  member: memberFields,
  consolidated_record: memberFields,
  consolidation_conflict: {
    detectedAt: '发现时间', differences: '不一致的项目', recordId: '记录编号', recordLabel: '记录', removedAtSource: '已在报送单位删除',
    resolvedAt: '处理时间', resolvedBy: '处理人', table: '数据表', tableTitle: '台账', unitCode: '单位代码', unitName: '报送单位',
  },
  meeting: {
    type: '会议类型', host: '主持人', recorder: '记录人', points: '计入积分', reversedPoints: '撤销的积分',
  },
  branch_rating: { ratedOn: '评定日期', stars: '星级', reasons: '评定理由' },
  volunteer: {
    name: '姓名', kind: '志愿者类型', registeredOn: '注册日期', postSince: '认岗日期', skills: '特长', team: '服务队',
    linkableMemberId: '可关联的党员', document: '依据',
  },
  volunteer_post: { code: '岗位编号', name: '岗位名称', holders: '在岗人数' },
  volunteer_activity: {
    title: '活动名称', capacity: '招募人数', application: '报名', participants: '参加人员', present: '实到',
    organiserName: '组织单位', organiserOrgId: '组织单位编号', recordedAt: '登记时间', recordedBy: '登记人',
    recorderOrgId: '登记单位编号', recorderOrgName: '登记单位', reversed: '已撤销计分', points: '积分',
  },
  points_rule: {
    version: '版本', effectiveFrom: '生效日期', expiry: '积分有效期', maxHoursPerActivity: '每次活动最多工时',
    meetingBasePoints: '参加会议积分', pointsPerHour: '每小时积分',
  },
  points_entry: {
    amount: '积分', name: '姓名', ruleVersion: '规则版本', sourceId: '来源编号', sourceKind: '来源类型', sourceTitle: '来源',
  },
  volunteer_honour: { title: '荣誉称号', awardedOn: '授予日期', points: '奖励积分', name: '姓名' },
  redemption_item: { price: '所需积分', stock: '库存', unit: '单位', redeemed: '已兑换', delta: '变动数量' },
  redemption: { item: '物品', person: '兑换人', points: '积分', quantity: '数量' },
  property_company: {
    creditCode: '统一社会信用代码', contactPerson: '联系人', contactPhone: '联系电话', estatesServed: '服务小区数',
    partyMembers: '党员人数', partyOrgForm: '党组织组建方式',
  },
  property_contract: { startsOn: '合同起始', endsOn: '合同截止' },
  property_estate: { management: '管理方式', floorAreaHundredths: '建筑面积（百分之一平方米）', name: '小区名称' },
  property_settings: {
    assessorWeights: '考评主体权重', listRule: '红黑榜规则', partyRatioTargetPercent: '党员比例目标（%）',
    reelectionLeadMonths: '换届提前月数', smallEstateMaxHouseholds: '小型小区户数上限',
  },
  property_survey: {
    households: '总户数', sampleSize: '样本量', reached: '走访户数', satisfied: '满意', mostlySatisfied: '基本满意', unsatisfied: '不满意',
  },
  property_fee: { receivableFen: '应收（分）', unpaidFen: '未缴（分）', arrearsCollectedFen: '清欠（分）' },
  committee_term: { term: '届次', members: '成员' },
  joint_meeting: { convener: '召集人' },
  property_card: {
    colour: '牌色', basis: '发牌依据', resolutionId: '决议编号', resolutionContent: '决议事项', dueOn: '完成时限', reason: '理由',
    issuedOn: '发牌日期', withdrawnAt: '撤销时间', withdrawnReason: '撤销原因', withdrawnBy: '撤销人', companyName: '物业企业',
  },
  joint_resolution: {
    content: '决议事项', responsibleParty: '责任方', responsiblePerson: '责任人', extensions: '延期记录', noticedOn: '公示日期',
    droppedReason: '取消原因', meetingId: '会议编号', heldOn: '会议日期',
  },
  assessment: { body: '考评主体', sheet: '评分表', sheets: '各主体评分表', templateId: '考评细则编号', templateName: '考评细则', templateVersion: '细则版本' },
  assessment_list: { reason: '更正原因', period: '考评期间' },
  assessment_template: {
    assessments: '考评数', categories: '类别', lineageId: '细则系列', publishedAt: '发布时间', version: '版本',
    template: '考评细则', totalTenths: '总分（十分之一分）', problems: '未通过的检查',
  },
  elevator: {
    contractEndsOn: '维保合同截止', contractPrice: '维保单价（分/月）', contractStartsOn: '维保合同起始', deviceCode: '设备代码',
    firstRoutineOn: '首次维保日期', floors: '层站数', installedOn: '安装日期', intervalDays: '维保间隔（天）',
    lastHalfYearlyOn: '最近半年维保', lastQuarterlyOn: '最近季度维保', lastRoutineOn: '最近半月维保', lastSelfInspectionOn: '最近自行检查',
    lastYearlyOn: '最近年度维保', maintainer: '维保单位', maintainerPhone: '维保单位电话', make: '制造单位', model: '型号',
    nextInspectionOn: '下次检验日期', rescuePhone: '救援电话', routineDueOn: '下次维保期限', speed: '额定速度', type: '电梯类型',
    useCertNo: '使用登记证编号', status: '使用状态',
  },
  elevator_fault: {
    alarmAt: '报警时间', arrivedAt: '到达时间', releasedAt: '解困时间', cause: '原因', peopleTrapped: '被困人数', rescuer: '救援人员',
    responseMinutes: '到场用时（分钟）', trappedMinutes: '被困时长（分钟）',
  },
  elevator_maintenance: {
    company: '维保单位', doneOn: '维保日期', findings: '发现的问题', items: '维保项目', kind: '维保类别', partsReplaced: '更换部件',
    result: '检验结论', signedBy: '安全管理员签字', signedOn: '签字日期', worker1: '维保人员一', worker2: '维保人员二',
    nextInspectionOn: '下次检验日期',
  },
  elevator_settings: { inspectionWarnDays: '检验提前提醒（天）', rescueArea: '救援区域' },
  fund_account: {
    name: '账户名称', bankAccount: '银行账号', bankName: '开户银行', openedOn: '开户日期', openingBalance: '期初余额',
    rate: '划拨比例', share: '分摊',
  },
  fund_campaign: {
    title: '筹集名称', target: '筹集目标', scheme: '分摊方式', households: '分摊户', balancePart: '基金余额承担',
    grantPart: '补助承担', ownersPart: '业主承担', subsidyPart: '其他补贴', entryId: '收支记录编号',
  },
  fund_campaign_household: { pledged: '认缴金额', receiptNo: '收据号', entryId: '收支记录编号' },
  fund_entry: {
    areaHundredths: '面积（百分之一平方米）', attachmentHashes: '附件校验值', draftHash: '拟支出校验值', effect: '影响',
    elevatorIds: '涉及电梯', entryId: '收支记录编号', feeFen: '物业费（分）', hash: '链上校验值', overrideReason: '确认原因',
    postedAt: '入账时间', postedBy: '入账人', rateFen: '划拨比例', shareDen: '分摊分母', shareNum: '分摊分子', voidReason: '作废原因',
    voidedSignoffs: '作废的签字', voucherNo: '凭证号', fileName: '附件文件名', sha256: '附件校验值（SHA-256）', bytes: '附件大小（字节）', personal: '含个人信息', category: '收支类别', date: '发生日期', month: '月份',
  },
  fund_reconciliation: {
    bankBalance: '银行对账单余额', bankItems: '银行已记、账上未记', contentHash: '对账内容校验值', difference: '差额',
    ledgerBalance: '账面余额', ledgerItems: '账上已记、银行未记', voidedConfirmations: '作废的确认',
  },
  fund_signatory: { lockedUntil: '锁定至', pinSet: '已设签字密码', wrongPins: '签字密码连续错误次数', name: '姓名' },
  grid: {
    name: '网格名称', buildingsWithoutHouseholds: '未填户数的楼栋', workerName: '网格员', workerPhone: '网格员电话',
  },
  request: {
    anonymous: '匿名', category: '诉求类别', gridId: '网格编号', gridName: '网格', handlerKind: '承办方类型', handlerName: '承办方',
    overdue: '已超期', publicisedOn: '公示日期', reopened: '重新办理次数', reportedOn: '上报日期', reporterName: '反映人',
    reporterPhone: '反映人电话', source: '来源', urgency: '紧急程度',
  },
  requests_settings: { deadlineDays: '各级办理期限（天）', gridHouseholdsTarget: '每个网格户数' },
  steward: { duty: '职责', phonePublic: '公示完整电话', name: '姓名' },
  building_cards: { fullPhones: '印完整电话的小管家', stewards: '红色小管家' },
  care_household: {
    room: '门牌', category: '关爱类别', colour: '颜色', personName: '姓名', personPhone: '联系电话', situation: '家庭情况',
    memberId: '结对党员编号', memberName: '结对党员', memberOrgName: '结对党员所在组织', registeredOn: '登记日期', closedOn: '停止关爱日期',
    closedReason: '停止关爱原因', lastVisitOn: '最近走访', visitCount: '走访次数',
  },
  care_visit: {
    visitedOn: '走访日期', visitorMemberId: '走访党员编号', visitorName: '走访人', content: '走访情况', followUp: '后续跟进',
    householdId: '关爱户编号', correctsId: '更正的记录', correctionReason: '更正原因', correctedBy: '更正记录',
  },
  request_category: { label: '类别名称', kind: '受理与否', retired: '已停用' },
  request_street_answer: {
    unitCode: '社区代码', requestId: '诉求编号', measures: '街道办理措施与答复', answeredBy: '答复人', answeredOn: '答复日期',
    unit: '社区', answers: '答复件数',
  },
  wish: {
    activityId: '志愿活动编号', claimedOn: '认领日期', claimerMemberId: '认领党员编号', claimerName: '认领人', claimerUnit: '认领单位',
    detail: '心愿内容', fulfilledOn: '实现日期', hoursTenths: '服务工时（十分之一小时）', publishedOn: '发布日期',
    wisherName: '许愿人', wisherPhone: '许愿人电话', withdrawnReason: '撤回原因', title: '心愿',
  },
  import_batch: {
    createMissing: '新建缺少的组织', created: '新增', duplicates: '重复行', excluded: '排除的行', excludedRows: '排除的行号',
    extras: '未导入的列', sheet: '工作表', skipped: '跳过', updated: '更新', values: '值的对应',
  },
  import_report: { name: '核对结果' },
  submission: {
    at: '时间', packageId: '数据包编号', refusal: '拒绝原因', rowCounts: '各表行数', kind: '类型', title: '标题',
  },
  unit_key: { unit: '单位' },
};

type Codes = Readonly<Record<string, string>>;
const memberCodes: Record<string, Codes> = { status: memberStatuses, category: memberCategories, lifecycle: lifecycles, role: memberRoles };

/** The codes a field stores, per entity, read as the forms show them (the modules' own label tables). */
const codesByEntity: Record<string, Record<string, Codes>> = {
  member: memberCodes, consolidated_record: memberCodes,
  org: { level: orgLevels, status: orgStatuses }, place: { kind: placeKinds }, meeting: { type: meetingTypes },
  volunteer: { kind: volunteerKinds }, volunteer_post: { kind: postKinds, status: postStatuses }, redemption_item: { status: itemStatuses }, points_entry: { category: pointCategories, sourceKind: sourceKinds },
  property_estate: { management: managementTypes }, property_company: { partyOrgForm: partyOrgForms },
  joint_resolution: { status: resolutionStatuses, rating: residentRatings }, property_card: { colour: cardColours, basis: cardBases },
  elevator: { type: elevatorTypes, status: elevatorStatuses }, elevator_maintenance: { kind: maintenanceKinds, result: inspectionResults },
  elevator_fault: { cause: faultCauses },
  fund_entry: { direction: directions, status: entryStatuses, side: sides }, fund_account: { status: accountStatuses },
  fund_reconciliation: { side: sides, status: reconciliationStatuses },
  fund_campaign: { scheme: campaignSchemes, kind: grantKinds, status: campaignStatuses }, fund_signatory: { side: sides, status: signatoryStatuses },
  request: { source: requestSources, state: requestStates, category: requestCategories, urgency: urgencies, handlerKind: handlerKinds, rating: ratings },
  wish: { kind: wishKinds, state: wishStates },
  submission: { direction: submissionDirections, kind: submissionKinds }, consolidation_conflict: { status: conflictStatuses },
};

/** A logged value as the clerk reads it: a code by its label, a yes/no as 是/否; anything else as it is. */
export function auditValueText(entity: string, key: string, value: unknown): unknown {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value !== 'string') return value;
  const codes: Codes | undefined = codesByEntity[entity]?.[key] ?? (key === 'gender' ? genders : undefined);
  return codes?.[value] ?? value;
}

/** The Chinese name of a field the entry logs for this entity, or the key itself if none is given. */
export const auditFieldLabel = (entity: string, key: string): string => byEntity[entity]?.[key] ?? common[key] ?? key;
