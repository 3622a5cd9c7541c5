import type { CareColourCode, RequestStateCode, WishKind, WishState } from '../../../db/requests/types';

/** Chinese names of the request ledger's codes (forms, tables, errors and the history use the same). */

/** Where a request came in (民呼必应: 服务站来访, 便民热线, 网格员走访, 议事征集箱, 问题墙, 12345 转办). */
export const requestSources = {
  visit: '居民来访',
  hotline: '热线电话',
  grid_round: '网格员走访',
  suggestion_box: '议事征集箱',
  problem_wall: '问题墙',
  city_12345: '12345 转办',
  other: '其他',
} as const;

/** Where a request stands. 督办中 is still being handled, under supervision. */
export const requestStates = {
  reported: '待梳理',
  sorted: '待交办',
  not_accepted: '不予受理',
  assigned: '办理中',
  supervised: '督办中',
  done: '已办结',
  publicised: '已公示',
  evaluated: '已评价',
} as const satisfies Record<RequestStateCode, string>;

/** The step that leads into each state, as the history and the drawer's buttons name it. */
export const requestStepNames = {
  reported: '上报',
  sorted: '梳理受理',
  not_accepted: '不予受理',
  assigned: '交办',
  supervised: '督办',
  done: '办结',
  publicised: '公示',
  evaluated: '评价',
} as const;

/**
 * The street's lists of matters it takes on and matters it does not (示范区 德馨苑: 应受理事项、不受理事项各 7 大类).
 * The source names the two lists of seven without listing them; these are the usual classes of a 民呼必应 station,
 * to be checked against the street's own list (docs/requests.md).
 */
export const acceptedCategories = {
  property_service: '物业服务与小区管理',
  facilities: '公共设施维修',
  environment: '环境卫生与绿化',
  neighbour_dispute: '邻里纠纷调解',
  safety: '安全隐患',
  livelihood_service: '养老托幼等便民服务',
  policy_consult: '政策咨询与帮办代办',
} as const;

export const notAcceptedCategories = {
  litigation: '已进入诉讼、仲裁、行政复议程序的',
  private_contract: '私人之间的经济合同纠纷',
  beyond_law: '超出法律政策规定的诉求',
  other_authority: '依法应由其他机关办理且已告知途径的',
  repeated_closed: '已依法办结、无新情况重复反映的',
  criminal: '涉嫌违法犯罪应报警的',
  state_secret: '涉及国家秘密、商业秘密的',
} as const;

export const requestCategories = { ...acceptedCategories, ...notAcceptedCategories } as const;

export const urgencies = { normal: '一般', urgent: '紧急' } as const;

/** Who a request is handed to (交办), from the community up to the street. */
export const handlerKinds = {
  community: '社区',
  property_company: '物业服务企业',
  work_unit: '双报到单位',
  volunteer_post: '志愿服务岗',
  street: '街道',
} as const;

export const ratings = { satisfied: '满意', mostly_satisfied: '基本满意', unsatisfied: '不满意' } as const;

/** 微心愿 (a resident's small wish) and 需求 (the community's needs list, for 双报到 members and units to claim). */
export const wishKinds = { wish: '微心愿', need: '社区需求' } as const satisfies Record<WishKind, string>;

export const wishStates = { open: '待认领', claimed: '已认领', fulfilled: '已完成', withdrawn: '已撤回' } as const satisfies Record<WishState, string>;

/**
 * 重点关爱户's categories (卫东区: 孤寡老人、残疾人、困难家庭; 示范区: 留守儿童; 包河区: 老弱病残等特殊群体). A household has
 * one, the one its care is organised around.
 */
export const careCategories = {
  elderly_alone: '独居老人',
  elderly_childless: '孤寡老人',
  empty_nest: '空巢老人',
  disabled: '残疾人',
  hardship: '困难家庭',
  left_behind_child: '留守儿童',
  seriously_ill: '大病重病患者',
  other: '其他',
} as const;

/**
 * 分类分色 (包河区): the colour says how close the watch is, and so how often the household is visited (settings). The
 * source names the practice, not the colours' meanings: these are the usual three levels, to be checked locally.
 */
export const careColours = { red: '红色 · 重点关注', yellow: '黄色 · 经常关注', green: '绿色 · 一般关注' } as const satisfies Record<CareColourCode, string>;
export const careColourShort = { red: '红', yellow: '黄', green: '绿' } as const satisfies Record<CareColourCode, string>;
