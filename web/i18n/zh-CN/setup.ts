export const setup = {
  setup: {
    title: '系统初始化',
    intro: '首次使用：创建您的组织和管理员账号。此页面只出现一次。',
    orgName: '组织名称',
    adminName: '管理员姓名',
    submit: '创建并登录',
  },
};
