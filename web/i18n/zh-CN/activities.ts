export const activities = {
  activities: {
    new: '计划拜访', edit: '编辑拜访计划', quickAdd: '计划拜访', empty: '暂无活动', searchPlaceholder: '搜索主题',
    periodFrom: '开始日期', periodTo: '结束日期', pickAccountFirst: '请先选择客户',
    step: { when: '时间地点', who: '参加人员', goal: '目标与步骤', talk: '话术与宴请' },
    next: '下一步', prev: '上一步', savePlan: '保存计划', saveDraft: '保存草稿', endBeforeStart: '结束时间必须晚于开始时间',
    customerAttendeesHint: '只能选择该客户的联系人', ourAttendeesHint: '负责人之外参加的我方人员',
    objectiveHint: '这次拜访要达成什么？写成可以检验的结果', addStep: '添加步骤', stepPlaceholder: '第 {{n}} 步：做什么、说什么',
    talkingPointsHint: '要传递的信息、要问的问题、可能的异议及应对', diningHint: '时间、地点、标准、人员、座次、注意事项',
    log: '记录拜访结果', logTitle: '记录拜访结果', logged: '已记录拜访结果',
    logTooEarly: '这次活动计划在 {{date}}，还没有发生，暂不能记录结果。如果已经提前进行，请先修改日期。', changeDate: '修改日期',
    nextMeetingQuestion: '对方是否明确提出下次约见？', nextMeetingHint: '检验拜访是否真正推进的标准：客户主动约定下一次见面。',
    nextMeetingYes: '对方提出下次约见', nextMeetingNo: '未提出下次约见', yes: '是', no: '否',
    satisfactionHint: '客户对本次服务的满意度（1–5）', createFollowUp: '根据下一步行动创建跟进任务', followUpHint: '先填写“下一步行动”，任务标题会自动带入',
    cancelActivity: '取消活动', cancelConfirm: '确定取消该活动？', cancelled: '活动已取消', replan: '恢复计划', deleteConfirm: '将该活动移入回收站？可在回收站恢复。',
    planTitle: '拜访计划', results: '拜访结果', notLogged: '尚未记录拜访结果', wasCancelled: '活动已取消', autoScheduled: '售后自动安排',
    print: '打印计划', printNow: '打印', back: '返回', sheetTitle: '客户拜访计划书', printedAt: '打印日期 {{date}}', afterCall: '拜访后填写',
  },
};
