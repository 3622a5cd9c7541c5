/** The words of 导入台账 (importing registers from Excel/CSV). Field names come from the registers themselves. */

const n = (v: number) => v.toLocaleString('zh-CN');

export const imp = {
  title: '导入台账',
  intro: '把已有的 Excel 或 CSV 台账导入本机：先核对，确认后再一次性导入；有错误的文件不会导入任何一行。',
  importRoster: '导入花名册',

  steps: {
    register: '选择台账',
    registerHint: '要导入哪一种',
    file: '选择文件',
    fileHint: '.xlsx 或 .csv',
    mapping: '对应列',
    mappingHint: '文件的列 → 字段',
    report: '核对',
    reportHint: '检查每一行',
    done: '完成',
  },

  register: {
    fields: (labels: string[]) => `字段：${labels.join('、')}`,
    choose: '选择',
  },

  file: {
    drop: '把 Excel（.xlsx）或 CSV 文件拖到这里',
    or: '或者',
    pick: '选择文件…',
    hint: '标题行、填报单位行和表尾会自动跳过；旧版 .xls 请先在 Excel 中另存为 .xlsx。',
    tooLarge: '文件超过 20 MB，请拆分后分几次导入',
    wrongType: '请选择 .xlsx 或 .csv 文件',
    previous: (at: string, who: string, created: number) => `这个文件在 ${at} 已由 ${who} 导入过（新增 ${n(created)} 条）。再次导入时，已有的记录会按“重复记录”的处理方式跳过或更新。`,
    back: '重新选择台账',
  },

  mapping: {
    sheet: '工作表',
    sheetRows: (name: string, rows: number) => `${name}（${n(rows)} 行）`,
    headerRow: '表头在第几行',
    headerRowHint: '表头以上的标题、单位和日期行不会导入',
    headerMissing: '没有在前几行找到表头，请指出表头在第几行，再为每个字段选择对应的列。',
    remembered: '已按上次导入同样格式文件时的对应关系填好，请核对。',
    detected: '已按列标题自动对应，请核对；没有对应上的字段可以手动选择。',
    field: '字段',
    column: '文件中的列',
    samples: '示例',
    notImported: '不导入',
    untitled: '（无标题）',
    required: '必填',
    columnLabel: (letter: string, header: string) => `${letter} 列 · ${header}`,
    dataRows: (rows: number) => `表头下有 ${n(rows)} 行数据`,
    check: '核对数据',
    back: '重新选择文件',
  },

  report: {
    options: '导入方式',
    duplicates: '已有的记录',
    skipOption: '跳过，保留原有的',
    updateOption: '用文件中的内容更新',
    createMissing: '自动新增文件中提到、但组织架构或地点中还没有的组织和地点',
    summary: '核对结果',
    total: (v: number) => `共 ${n(v)} 行`,
    create: (v: number) => `新增 ${n(v)}`,
    update: (v: number) => `更新 ${n(v)}`,
    skip: (v: number) => `已存在 ${n(v)}`,
    error: (v: number) => `有错误 ${n(v)}`,
    duplicate: (v: number) => `文件内重复 ${n(v)}`,
    excluded: (v: number) => `已排除 ${n(v)}`,
    notData: (blank: number, ignored: number) => `另有 ${n(blank)} 个空行、${n(ignored)} 行表尾或重复表头未计入`,
    extras: '导入时还会新建：',
    allGood: '每一行都可以导入。',
    mustFix: (v: number) => `有 ${n(v)} 行不能导入。请改正文件后重新选择，或者排除这些行只导入其余的行。`,
    exclude: (v: number) => `排除这 ${n(v)} 行`,
    includeAgain: '恢复排除的行',
    excludedNote: (rows: string) => `已排除第 ${rows} 行，这些行不会导入。`,
    download: '下载核对结果（Excel）',
    tabProblems: (v: number) => `有问题的行（${n(v)}）`,
    tabExisting: (v: number) => `已存在的行（${n(v)}）`,
    tabWarnings: (v: number) => `需留意的行（${n(v)}）`,
    skippedRows: (list: string, more: number) => `未作为数据导入：${list}${more > 0 ? ` 等 ${n(more)} 行` : ''}`,
    skippedRow: (row: number, reason: string) => `第 ${row} 行（${reason}）`,
    warned: (v: number) => `${n(v)} 行需留意`,
    tabPreview: '导入后的样子',
    truncated: '只列出前 1,000 行；全部结果请下载核对结果。',
    row: '行号',
    outcome: '结果',
    problems: '问题',
    record: '记录',
    whole: '整行',
    empty: '（空）',
    none: '没有',
    previewHint: '前 20 行按导入后的样子显示；身份证号和电话已隐去中间几位。',
    mappingProblems: '列的对应有问题：',
    back: '修改对应列',
    commit: (v: number) => `导入 ${n(v)} 条`,
    outcomes: { create: '新增', update: '更新', skip: '已存在', duplicate: '重复', error: '有错误', excluded: '已排除' },
  },

  confirm: {
    title: '确认导入',
    body: (create: number, update: number, skip: number) =>
      `将新增 ${n(create)} 条${update ? `、更新 ${n(update)} 条` : ''}${skip ? `，跳过已存在的 ${n(skip)} 条` : ''}。导入作为一次操作完成：全部成功，或者一条也不导入。`,
    ok: '导入',
  },

  phases: { read: '读取文件', analyse: '分析表格', validate: '核对每一行', commit: '写入数据' },

  done: {
    title: '导入完成',
    body: (created: number, updated: number, skipped: number) =>
      `新增 ${n(created)} 条，更新 ${n(updated)} 条，跳过 ${n(skipped)} 条。已记入操作记录（含文件校验码）。`,
    open: '查看台账',
    again: '再导入一个文件',
  },

  failed: '没有导入',
} as const;
