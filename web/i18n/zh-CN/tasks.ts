export const tasks = {
  tasks: {
    new: '新建任务',
    edit: '编辑任务',
    empty: '暂无任务',
    deleteConfirm: '删除该任务？',
    view: { open: '待办', overdue: '已逾期', done: '已完成' },
    everyone: '全部人员',
    overdue: '已逾期',
    dueToday: '今天到期',
    overdueCount: '{{count}} 个任务已逾期',
    markDone: '标记完成',
    markUndone: '重新打开',
    completed: '已完成',
    related: '相关',
    fromActivity: '来自活动',
  },
};
