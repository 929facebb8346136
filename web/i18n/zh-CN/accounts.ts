export const accounts = {
  accounts: {
    new: '新建客户', edit: '编辑客户档案', empty: '暂无客户', searchPlaceholder: '搜索名称、简称、信用代码',
    place: '省份 / 城市', team: '团队', tagsHint: '输入后回车添加标签',
    tab: { profile: '档案', contacts: '联系人', org: '组织架构', history: '历史' },
    group: { basics: '基本信息', finance: '财务状况', relationship: '客户关系', profile: '客户分析' },
    subsidiaries: '分支机构', noSubsidiaries: '无分支机构',
    accountTeam: '客户团队', noMembers: '尚未指定团队成员', addMember: '添加成员', member: '成员', memberRole: '角色',
    archiveConfirm: '确定归档该客户？归档后默认不在列表中显示。', restoreConfirm: '确定恢复该客户？',
    deleteConfirm: '将该客户及其联系人、活动移入回收站？可在回收站恢复。',
  },
};
