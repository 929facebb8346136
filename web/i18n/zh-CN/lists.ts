// Every list's totals, its order and its paging footer.
export const lists = {
  lists: {
    total: '共 {{count}} 条',
    shownOf: '已显示 {{shown}} / {{count}} 条',
    totalCapped: '共 {{count}}+ 条',
    shownOfCapped: '已显示 {{shown}} / {{count}}+ 条',
    sortedBy: '排序：{{sort}}',
    amountSum: '金额合计',
    revenueSum: '我方收入合计',
    sort: {
      callsSoonest: '计划时间 最早在前',
      callsNewest: '计划时间 最近在前',
      tasks: '未完成在前，按到期日',
      pool: '入池最久在前',
      bin: '最近删除在前',
      scores: '分数从高到低',
    },
    export: {
      button: '导出',
      xlsx: 'Excel (.xlsx)',
      csv: 'CSV (.csv)',
      hint: '按当前筛选和排序导出全部结果',
      failed: '导出失败',
    },
  },
};
