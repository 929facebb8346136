// Chinese is the primary language; en.ts must mirror every key (its type is derived from this file).
export const zhCN = {
  app: { title: '大客户战略营销系统' },
  nav: { accounts: '客户', contacts: '联系人', admin: '管理', users: '用户', teams: '团队' },
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
  },
  auth: {
    loginTitle: '登录', login: '登录', logout: '退出登录', email: '邮箱', password: '密码',
    changePassword: '修改密码', currentPassword: '当前密码', newPassword: '新密码', confirmPassword: '确认新密码',
    passwordMismatch: '两次输入的密码不一致', passwordChanged: '密码已修改',
  },
  setup: {
    title: '系统初始化', intro: '首次使用：创建您的组织和管理员账号。此页面只出现一次。',
    orgName: '组织名称', adminName: '管理员姓名', submit: '创建并登录',
  },
  search: { placeholder: '搜索客户、联系人、电话…', accounts: '客户', contacts: '联系人', noResults: '无匹配结果' },
  sort: {
    updatedAt: '最早更新', '-updatedAt': '最近更新', name: '名称 A→Z', '-name': '名称 Z→A',
    ourRevenue: '我方收入 低→高', '-ourRevenue': '我方收入 高→低', potential: '潜力 低→高', '-potential': '潜力 高→低',
    createdAt: '最早创建', '-createdAt': '最新创建',
  },
  accounts: {
    new: '新建客户', edit: '编辑客户档案', empty: '暂无客户', searchPlaceholder: '搜索名称、简称、信用代码',
    place: '省份 / 城市', team: '团队', tagsHint: '输入后回车添加标签',
    tab: { profile: '档案', contacts: '联系人', org: '组织架构', history: '历史' },
    group: { basics: '基本信息', finance: '财务状况', relationship: '客户关系', profile: '客户分析' },
    subsidiaries: '分支机构', noSubsidiaries: '无分支机构',
    accountTeam: '客户团队', noMembers: '尚未指定团队成员', addMember: '添加成员', member: '成员', memberRole: '角色',
    archiveConfirm: '确定归档该客户？归档后默认不在列表中显示。', restoreConfirm: '确定恢复该客户？',
    deleteConfirm: '永久删除该客户及其联系人？此操作不可撤销。',
  },
  contacts: {
    new: '新建联系人', edit: '编辑联系人', empty: '暂无联系人', searchPlaceholder: '搜索姓名或电话', accountOwner: '客户负责人',
    tab: { profile: '资料', links: '关系', history: '历史' },
    reportsToHint: '汇报对象只能是同一客户的联系人，用于绘制组织架构图',
    attitudeHint: '对我方的态度：-5（强烈反对）… +5（强烈支持）',
    counterpartHint: '我方与其对接的人员',
    noLinks: '暂无关系记录', addLink: '添加关系', linkTo: '关系对象', linkKind: '关系类型', linkNote: '备注',
    linkKindHint: '对方相对于 {{name}} 的身份', linkedBy: '被标记为其{{kind}}',
    removeLinkConfirm: '移除该关系？',
    archiveConfirm: '确定归档该联系人？', restoreConfirm: '确定恢复该联系人？', deleteConfirm: '永久删除该联系人？此操作不可撤销。',
  },
  orgChart: {
    empty: '该客户还没有联系人。先在“联系人”标签页添加，并设置汇报对象。',
    openContact: '点击查看联系人', influenceUnknown: '影响力未知', linkLegend: '关系连线',
  },
  history: {
    empty: '暂无变更记录', system: '系统',
    action: { create: '创建了记录', update: '修改了', archive: '归档了记录', restore: '恢复了记录', delete: '删除了记录' },
  },
  admin: {
    newUser: '新建用户', editUser: '编辑用户', active: '启用', inactive: '已停用', newPasswordOptional: '新密码（留空则不修改）',
    dataScopeHint: '决定该用户能看到哪些客户和联系人',
    newTeam: '新建团队', renameMove: '重命名 / 移动', addSubteam: '添加子团队', teamName: '团队名称', parentTeam: '上级团队',
    topLevel: '（顶级团队）', noTeams: '还没有团队', memberCount: '{{count}} 人', deleteTeamConfirm: '删除团队“{{name}}”？',
  },
  field: {
    common: { createdAt: '创建时间', updatedAt: '更新时间', version: '版本', archived: '归档', members: '客户团队' },
    account: {
      name: '客户名称', shortName: '简称', creditCode: '统一社会信用代码', ownershipType: '单位性质', scope: '客户范围',
      parentId: '所属集团', industry: '行业', province: '省份', city: '城市', address: '地址', website: '网站',
      employees: '员工人数', annualRevenue: '年营业额', ourRevenue: '我方年收入', potential: '潜在规模',
      financialStatus: '财务状况', marketStrength: '市场实力', relationshipStage: '关系阶段', tier: '客户等级',
      ownerId: '客户经理', tags: '标签',
      needs: '需求', background: '背景', purchaseMotives: '购买动机', profitModel: '盈利模式',
      decisionProcess: '决策流程', upstreamDownstream: '上下游', coreCompetencies: '核心竞争力',
    },
    contact: {
      accountId: '所属客户', name: '姓名', title: '职务', department: '部门', reportsToId: '汇报对象',
      phone: '座机', mobile: '手机', email: '邮箱', wechat: '微信', birthday: '生日', notes: '备注',
      influence: '影响力', attitude: '态度', coverage: '覆盖程度', counterpartId: '我方对接人', interests: '兴趣爱好', goals: '个人目标',
    },
    user: {
      email: '邮箱', name: '姓名', password: '密码', role: '角色', dataScope: '数据范围', teamId: '团队', managerId: '直属上级', active: '状态',
    },
  },
  enum: {
    ownershipType: { government: '政府机关', soe: '国企', foreign: '外企', private: '民企', institution: '事业单位', other: '其他' },
    scope: { national: '全国性大客户', regional: '地区性大客户' },
    financialStatus: { good: '良好', fair: '一般', poor: '较差' },
    relationshipStage: { establish: '建立关系', deepen: '增进沟通', alliance: '加强关系结盟' },
    tier: { A: 'A 类', B: 'B 类', C: 'C 类' },
    influence: { high: '高', medium: '中', low: '低' },
    coverage: { none: '未接触', brief: '简单接触', multiple: '多次接触', in_depth: '深度接触' },
    linkKind: { superior: '上级', peer: '平级', subordinate: '下级', administrative: '行政人员', social: '社会人士', family: '家庭成员' },
    role: { admin: '管理员', manager: '销售经理', rep: '客户经理', viewer: '只读用户' },
    dataScope: { own: '仅本人', own_and_subordinates: '本人及下属', team: '本团队', team_and_subteams: '本团队及下级团队', all: '全部' },
    memberRole: { owner: '负责人', member: '成员', support: '支持', executive_sponsor: '高层支持者' },
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Resources = Widen<typeof zhCN>;
