// Merge 合并 on the account page (issue 22).
export const merges = {
  merges: {
    action: '合并',
    title: '将另一个客户合并到「{{name}}」',
    pick: '要合并进来的重复客户',
    suggested: '可能重复',
    search: '搜索客户',
    intro:
      '合并后，该客户的联系人、商机、拜访、任务、SWOT 与团队成员都归入「{{name}}」，它本身归档并指向保留的客户；30 天内可以撤销。',
    field: '字段',
    keep: '保留（{{name}}）',
    take: '合并来（{{name}}）',
    same: '两条记录的其余字段相同',
    confirm: '合并',
    done: '已合并：{{count}} 条记录移到了保留的客户',
    undo: '撤销',
    undone: '已撤销合并',
  },
};
