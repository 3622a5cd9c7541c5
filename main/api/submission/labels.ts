/** Chinese names of the submission log's and the consolidation's codes (the submission module's catalogue). */

export const submissionDirections = { export: '导出', import: '导入' } as const;

export const submissionKinds = { register: '台账导出', monthly: '月度上报', package: '数据包' } as const;

/** A difference between the street's correction and a community's later package, and how the clerk settled it. */
export const conflictStatuses = { pending: '待处理', kept_mine: '保留本机更正', took_theirs: '采用报送数据' } as const;
