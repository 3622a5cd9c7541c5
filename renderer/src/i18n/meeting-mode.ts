/** Words of full-screen meeting mode shared by every module that records a meeting live (党组织, 红色物业). */
export const mm = {
  end: '结束会议',
  endTitle: '还有内容没有保存',
  endBody: '最近的修改还没有保存到台账。已输入的内容保存在本机，下次打开这次会议时会自动补存。仍要离开吗？',
  endAnyway: '仍然离开',
  stay: '留在这里',
  elapsed: '用时',
  startedAt: (t: string) => `${t} 开始`,
  restored: '已恢复上次未保存的内容，正在保存',
  save: {
    idle: '开始登记后自动保存',
    saving: '正在保存…',
    saved: (t: string) => `已保存 ${t}`,
    failed: '保存失败，正在重试',
    invalid: (problem: string) => `有内容需要改正（${problem}），改正后自动保存`,
    retry: '立即重试',
  },
};
