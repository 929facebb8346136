export const activityTypes = {
  activityTypes: {
    new: '新增类型', edit: '编辑类型', key: '标识', keyHint: '小写字母开头，只含小写字母、数字和下划线（2–40 位）',
    name: '名称', nameEn: '英文名称', stage: '对应漏斗阶段', stageHint: '计划表按阶段统计这类活动', noStage: '不对应阶段',
    builtin: '内置', inactive: '已停用', activate: '启用', deactivate: '停用', activated: '已启用', deactivated: '已停用',
    cadenceTitle: '售后跟踪节奏', cadenceHint: '赢单后第几天自动安排售后回访（签约日起算）', cadenceNone: '不自动安排售后回访',
    days: '天数', addDay: '添加', dayN: '第 {{n}} 天',
  },
};
