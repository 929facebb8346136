// Field labels per entity (field.account.*, field.opportunity.*, …), read by forms, lists and change history everywhere.
export const fields = {
  field: {
    common: { createdAt: '创建时间', updatedAt: '更新时间', version: '版本', archived: '归档', members: '客户团队' },
    account: {
      name: '客户名称', shortName: '简称', creditCode: '统一社会信用代码', ownershipType: '单位性质', scope: '客户范围',
      parentId: '所属集团', industry: '行业', province: '省份', city: '城市', address: '地址', website: '网站',
      employees: '员工人数', annualRevenue: '年营业额', ourRevenue: '我方年收入', potential: '潜在规模',
      financialStatus: '财务状况', marketStrength: '市场实力', relationshipStage: '关系阶段', tier: '客户等级',
      ownerId: '客户经理', tags: '标签',
      prospectReview: '潜在客户评审', pooledAt: '放入公海时间', claimedAt: '领取时间',
      needs: '需求', background: '背景', purchaseMotives: '购买动机', profitModel: '盈利模式',
      decisionProcess: '决策流程', upstreamDownstream: '上下游', coreCompetencies: '核心竞争力',
    },
    contact: {
      accountId: '所属客户', name: '姓名', title: '职务', department: '部门', reportsToId: '汇报对象',
      phone: '座机', mobile: '手机', email: '邮箱', wechat: '微信', birthday: '生日', notes: '备注',
      influence: '影响力', attitude: '态度', coverage: '覆盖程度', counterpartId: '我方对接人', interests: '兴趣爱好', goals: '个人目标',
      power: '权力', interest: '利益', govPosition: '在政府组织中的位置', govSupplierSelection: '面临的供应商选择处境',
      govAchievements: '主要政绩发展侧重点', govCostAwareness: '成本、收益意识',
    },
    user: {
      email: '邮箱', name: '姓名', password: '密码', role: '角色', dataScope: '数据范围', teamId: '团队', managerId: '直属上级', active: '状态',
    },
    opportunity: {
      accountId: '客户', name: '商机名称', amount: '金额', weightedAmount: '加权金额', expectedCloseDate: '预计签约日期',
      ownerId: '负责人', stageId: '销售阶段', probability: '赢单率', probabilityReason: '调整赢单率的理由', forecastCategory: '预测类别',
      source: '来源', status: '状态', lostReason: '输单原因', wonByCompetitorId: '赢单的竞争对手',
      objectiveWhat: '做什么（产品 / 方案）', objectiveAmount: '多少（金额）', objectiveBy: '何时（日期）', ourPosition: '我方位置',
      nextStep: '下一步行动', nextStepDate: '下一步日期', ourOutcome: '我方得到的结果', customerOutcome: '客户得到的结果',
      winWinOurs: '我方能赢吗？', winWinCustomer: '客户能赢吗？', health: '健康度', items: '产品明细', redFlags: '风险',
      stageEnteredAt: '进入阶段时间', daysInStage: '阶段停留天数', lastActivityAt: '最近活动', stage: '阶段',
      closedAt: '关闭时间', confirmUnmetCriteria: '确认未满足的退出条件',
    },
    influence: {
      contactId: '联系人', roles: '角色', influence: '影响力', mode: '反馈模式', rating: '评分', coverage: '覆盖程度',
      counterpartId: '我方对接人', result: '赢的结果', personalWin: '个人利益', evidence: '依据', prefersUs: '倾向',
      preferredCompetitorId: '倾向的竞争对手', title: '职务', department: '部门', newContactName: '新联系人姓名',
    },
    stage: { name: '阶段名称', nameEn: '英文名称', probability: '默认赢单率 %', forecastCategory: '预测类别', exitCriteria: '退出条件', kind: '类型', label: '条件', labelEn: '英文' },
    product: { name: '产品名称', category: '类别', listPrice: '目录价', active: '在售' },
    competitor: { name: '名称', strengths: '优势', weaknesses: '劣势', pricePosition: '价格定位' },
    lineItem: { productId: '产品', quantity: '数量', price: '单价', discount: '折扣 %', total: '小计' },
    activity: {
      type: '类型', subject: '主题', accountId: '客户', opportunityId: '商机', contactIds: '客户参加人员', userIds: '我方参加人员',
      ownerId: '负责人', plannedStart: '开始时间', plannedEnd: '结束时间', when: '时间', place: '地点', objective: '拜访目标',
      steps: '拜访步骤', talkingPoints: '话术要点', diningPlan: '宴请安排', status: '状态', outcome: '拜访结果',
      nextMeetingProposed: '下次约见', nextSteps: '下一步行动', satisfaction: '客户满意度', completedAt: '记录时间',
    },
    task: {
      title: '任务', dueDate: '截止日期', assigneeId: '负责人', accountId: '客户', opportunityId: '商机', contactId: '联系人',
      notes: '备注', done: '完成', activityId: '来源',
    },
  },
};
