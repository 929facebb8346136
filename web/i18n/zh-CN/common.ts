// Shared by every screen: the app title and navigation, buttons and messages, validation, list sorts, change history.
export const common = {
  app: { title: '大客户战略营销系统' },
  nav: {
    accounts: '客户', contacts: '联系人', admin: '管理', users: '用户', teams: '团队',
    pipeline: '销售漏斗', opportunities: '商机', stages: '销售阶段', products: '产品', competitors: '竞争对手',
    activities: '活动', tasks: '任务', calendar: '日历', timeAnalysis: '时间分析', activityTypes: '活动类型',
    forecast: '销售预测', quotas: '配额', planner: '活动规划 · 653321', dashboard: '经理看板', recycleBin: '回收站',
  },
  common: {
    save: '保存', cancel: '取消', confirm: '确定', edit: '编辑', delete: '删除', remove: '移除',
    archive: '归档', restore: '恢复', archived: '已归档', archivedDone: '已归档', restored: '已恢复',
    saved: '已保存', created: '已创建', deleted: '已删除', reload: '刷新', retry: '重试', reset: '重置',
    loadMore: '加载更多', shown: '已显示 {{count}} 条', loadFailed: '加载失败', networkError: '网络错误，请检查连接',
    staleTitle: '记录已被修改', choose: '请选择', searchToChoose: '输入名称搜索', unknown: '未知',
    showArchived: '显示已归档', moreFilters: '更多筛选', hideFilters: '收起筛选',
    notFound: '页面不存在', backHome: '返回首页', forbidden: '没有权限访问此页面', numberLocale: 'zh-CN',
  },
  validation: {
    required: '必填', email: '请输入有效的邮箱', password: '密码至少 8 个字符',
    money: '金额格式不正确（非负数，最多两位小数）', creditCode: '统一社会信用代码应为 18 位（数字或大写字母）', phone: '只能包含数字、空格和 + ( ) -',
    positiveMoney: '请输入大于 0 的金额（最多两位小数）',
  },
  sort: {
    updatedAt: '最早更新', '-updatedAt': '最近更新', name: '名称 A→Z', '-name': '名称 Z→A',
    ourRevenue: '我方收入 低→高', '-ourRevenue': '我方收入 高→低', potential: '潜力 低→高', '-potential': '潜力 高→低',
    createdAt: '最早创建', '-createdAt': '最新创建',
  },
  history: {
    empty: '暂无变更记录', system: '系统',
    action: { create: '创建了记录', update: '修改了', archive: '归档了记录', restore: '恢复了记录', delete: '将记录移入回收站', undelete: '从回收站恢复了记录', purge: '彻底删除了记录' },
  },
};
