export const recycleBin = {
  recycleBin: {
    title: '回收站', hint: '删除的客户、联系人、商机和活动先进入回收站，保留期内可恢复，到期后自动彻底删除；只有管理员可以提前彻底删除。',
    moved: '已移入回收站', undo: '撤销', restore: '恢复', restored: '已恢复', restoredSkipped: '已恢复；{{count}} 条关联记录因对方已删除未能恢复', open: '打开',
    purge: '彻底删除', purgeConfirm: '彻底删除“{{name}}”？此操作不可撤销。', purged: '已彻底删除', empty: '回收站是空的',
    all: '全部', kind: '类型', name: '名称', deletedBy: '删除人', deletedAt: '删除时间', purgeIn: '剩余保留', daysLeft: '{{count}} 天',
    searchPlaceholder: '搜索名称', retention: '保留天数', days: '天',
    entity: { account: '客户', contact: '联系人', opportunity: '商机', activity: '活动' },
  },
};
