export const relationshipMap = {
  relmap: {
    tab: '关系图', stakeholdersTab: '利益相关者',
    status: { red: '关系图：红', amber: '关系图：黄', green: '关系图：绿' },
    statusHint: '红：没有关键人物支持我们；黄：有支持者，但未包括全部决策者；绿：支持者包括全部决策者，且在途商机的关键决策者都已接触、没有强烈反对。关键人物 = 高影响力者或关键决策者、技术把关者；支持 = 态度（商机上为评分）≥ +1。',
    empty: '该客户还没有联系人。', emptyDeal: '这个商机还没有购买影响者，先在蓝表中添加。',
    legendReports: '汇报关系', legendLink: '关系连线', legendCounterpart: '我方对接人',
    connectHint: '从一个人右侧的圆点拖到另一个人，添加关系；点击连线可删除；点击人物可调整态度。',
    newLink: '添加关系', kind: '关系类型', linkSentence: '{{to}} 是 {{from}} 的…', reportsTo: '{{from}} 汇报给 {{to}}',
    removeLink: '删除“{{from}} → {{to}}”这条{{kind}}关系？', removeReportsTo: '取消 {{name}} 的汇报关系？',
    attitude: '态度', rating: '评分（本商机）', keyPlayer: '关键人物', supporter: '支持者', decisionMaker: '决策者',
    counterpart: '我方对接人', noCounterpart: '未指定', roles: '购买角色', openContact: '打开联系人页面',
    gov: {
      title: '政府 / 事业单位客户情报', short: '情报', position: '在政府组织中的位置', supplierSelection: '面临的供应商选择处境',
      achievements: '主要政绩发展侧重点', costAwareness: '成本、收益意识',
    },
    quadrant: { manage_closely: '重点管理', keep_satisfied: '令其满意', keep_informed: '随时告知', monitor: '保持关注' },
    power: '权力', interest: '利益', derived: '推算', placed: '已手动定位',
    gridHint: '纵轴为权力、横轴为利益（1–5）。未手动定位时由影响力、接触程度和态度推算（在途商机的关键决策者权力为高）；把联系人拖到另一个象限即可保存。',
    gridHintMobile: '为联系人选择象限即可保存。', moveTo: '移到象限',
  },
};
