export const quotas = {
  quotas: {
    new: '新增配额',
    edit: '编辑配额',
    subject: '对象',
    person: '人员',
    team: '团队',
    periodKind: '周期',
    period: '期间',
    target: '目标',
    stretch: '冲刺目标',
    challenge: '挑战目标',
    stretchHint: '可选，不低于目标',
    challengeHint: '可选，不低于冲刺目标',
    deleteConfirm: '删除该配额？',
    empty: '{{year}} 年还没有配额',
    hint: '配额分人员和团队，可按年、季度或月设置。团队未单独设置时，取成员配额之和。配额由上级设置：经理为所管理的人员和团队设置，管理员可为所有人设置。',
  },
};
