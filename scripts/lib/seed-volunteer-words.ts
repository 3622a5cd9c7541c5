/** Word lists for the generated volunteer data: activities by post, skills, teams, the shop's goods, local posts. */

/** Activity titles for each standard post (by its code), as branches name their events. */
export const ACTIVITY_TITLES: Record<string, readonly string[]> = {
  policy: ['垃圾分类政策宣传', '反诈骗知识进楼院', '医保政策讲解', '民法典宣传进社区', '防范非法集资宣传'],
  hygiene: ['清理楼道堆物', '小区环境大扫除', '清理小广告', '绿地捡拾垃圾', '冬季清扫积雪'],
  persuasion: ['文明养犬劝导', '电动车规范停放劝导', '高空抛物劝导', '文明乘车引导', '路口文明交通劝导'],
  elderly: ['走访慰问空巢老人', '为老人义务理发', '敬老院陪护聊天', '帮助老人学用智能手机', '为独居老人送餐'],
  patrol: ['夜间安全巡逻', '消防通道排查', '节前安全检查', '防汛隐患排查', '燃气安全入户宣传'],
  mediation: ['邻里纠纷调解', '物业矛盾协调', '楼道噪音协商', '停车纠纷调解'],
  culture: ['社区广场舞展演', '红色观影活动', '书法进社区', '亲子读书会', '重阳节文艺汇演'],
  disabled: ['助残上门服务', '残疾人康复陪护', '爱心助残义卖', '帮助残疾人办理证件'],
};
export const CUSTOM_POSTS = ['楼道长岗', '电梯文明监督岗', '垃圾分类督导岗', '防疫值守岗', '红色物业联络岗', '老旧小区改造监督岗'];
export const TIMES: readonly [string, string][] = [['08:30', '10:30'], ['09:00', '11:30'], ['14:30', '16:30'], ['15:00', '17:00'], ['19:00', '20:30']];
export const SKILLS = ['理发', '水电维修', '法律咨询', '医疗护理', '书法', '摄影', '心理疏导', '电脑维修', '文艺表演', '家电维修', '缝补', '驾驶'];
export const TEAMS = ['巧手服务队', '银发志愿服务队', '红袖标巡逻队', '文艺宣传队', '爱心帮扶队', '青年志愿服务队'];
export const ITEMS: readonly [name: string, points: number, unit: string][] = [
  ['洗衣液', 10, '瓶'], ['食用油', 30, '桶'], ['大米（5公斤）', 40, '袋'], ['毛巾', 5, '条'], ['香皂', 3, '块'],
  ['免费理发一次', 8, '次'], ['家电清洗一次', 50, '次'], ['保温杯', 25, '个'],
];
export const DONATIONS = ['捐赠图书', '捐赠衣物', '为困难家庭捐款', '捐赠防疫物资', '资助社区活动'];
