// Merge 合并 on the account and contact pages (issue 22).
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
    /** Why a contact is suggested as the duplicate. */
    why: {
      name: '{{name}}（同名）',
      mobile: '{{name}}（手机相同）',
      email: '{{name}}（邮箱相同）',
    },
    account: {
      mergedInto: '该客户已合并到「{{name}}」，以后请使用保留的客户。',
      mergedIntoOther: '该客户已合并到另一个客户。',
      open: '打开保留的客户',
    },
    contact: {
      title: '将另一位联系人合并到「{{name}}」',
      pick: '要合并进来的重复联系人',
      search: '从「{{account}}」的联系人中选择',
      intro:
        '合并后，该联系人参加的拜访、在商机中的影响者角色、关系、下属和任务都归入「{{name}}」，它本身归档并指向保留的联系人；30 天内可以撤销。',
      done: '已合并：{{count}} 条记录移到了保留的联系人',
      mergedInto: '该联系人已合并到「{{name}}」，以后请使用保留的联系人。',
      mergedIntoOther: '该联系人已合并到另一位联系人。',
      open: '打开保留的联系人',
    },
  },
};
