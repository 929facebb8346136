// The admin pages for users and teams.
export const admin = {
  admin: {
    newUser: '新建用户',
    editUser: '编辑用户',
    active: '启用',
    inactive: '已停用',
    newPasswordOptional: '新密码（留空则不修改）',
    dataScopeHint: '决定该用户能看到哪些客户和联系人',
    newTeam: '新建团队',
    renameMove: '重命名 / 移动',
    addSubteam: '添加子团队',
    teamName: '团队名称',
    parentTeam: '上级团队',
    topLevel: '（顶级团队）',
    noTeams: '还没有团队',
    memberCount: '{{count}} 人',
    deleteTeamConfirm: '删除团队“{{name}}”？',
  },
};
