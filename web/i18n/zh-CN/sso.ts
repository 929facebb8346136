// Single sign-on: the sign-in page's SSO button and its errors, and the admins' settings card.
export const sso = {
  sso: {
    button: '企业账号登录（SSO）',
    or: '或',
    errors: {
      sso_unavailable: '该邮箱所在的组织未启用单点登录，请用密码登录或联系管理员',
      sso_expired: '登录已过期，或是在另一个窗口中开始的，请重新点击“企业账号登录”',
      sso_denied: '身份提供方没有同意登录（可能已取消），请重试',
      sso_failed: '与身份提供方的登录校验没有通过，请重试；如果仍然失败，请联系管理员',
      sso_no_email: '身份提供方没有提供已验证的邮箱，无法登录',
      sso_no_account: '这个邮箱在本系统还没有账号，请联系管理员开通',
      sso_inactive: '您的账号已停用，请联系管理员',
      generic: '企业账号登录没有成功，请重试',
    },
    settings: {
      title: '单点登录（OpenID Connect）',
      hint: '让成员用公司的身份提供方登录（如 Keycloak、Authing、Microsoft Entra ID、Okta），采用授权码模式 + PKCE，按邮箱匹配成员。',
      enabled: '启用单点登录',
      issuer: '颁发者地址（Issuer）',
      clientId: '客户端 ID（Client ID）',
      clientSecret: '客户端密钥（Client secret）',
      secretSet: '已设置；留空则保持不变',
      redirectUri: '回调地址：在身份提供方登记此地址',
      domains: '公司邮箱域名',
      domainsHint: '没有账号的人用这些域名的邮箱登录时，据此找到本组织；自动创建账号也只限这些域名。',
      domainsPlaceholder: '如 example.com，回车添加',
      jitEnabled: '首次登录时自动创建账号',
      jitTeam: '新账号所在团队',
      jitRole: '新账号的角色',
      passwordLoginDisabled: '关闭成员的密码登录',
      passwordLoginHint:
        '开启后，管理员以外的成员只能用企业账号登录；管理员保留密码登录，以免身份提供方出故障时无人能进入系统。API 令牌不受影响。',
      test: '测试连接',
      testOk: '连接成功：{{issuer}}',
      saved: '单点登录设置已保存',
    },
  },
};
