export const auth = {
  auth: {
    loginTitle: '登录',
    login: '登录',
    logout: '退出登录',
    email: '邮箱',
    password: '密码',
    changePassword: '修改密码',
    currentPassword: '当前密码',
    newPassword: '新密码',
    confirmPassword: '确认新密码',
    passwordMismatch: '两次输入的密码不一致',
    passwordChanged: '密码已修改',
    failedLoginsTitle: '自上次登录以来有 {{count}} 次密码错误的登录尝试',
    failedLoginsBody: '最近一次：{{at}}，来自 {{address}}。如果不是您本人，请修改密码并告知管理员。',
  },
};
