export const duplicates = {
  duplicates: {
    checking: '正在查重…',
    registeredBy: '已由 {{owner}} 登记',
    inPool: '公海中已有该客户，可前往公海领取',
    inPoolShort: '在公海中',
    archived: '已归档',
    accountMatch: '已有客户“{{name}}”（负责人：{{owner}}）',
    contactMatch: '已有联系人“{{name}}”（{{account}}，负责人：{{owner}}）',
    dealMatch: '该客户已有进行中的商机“{{name}}”（负责人：{{owner}}）',
    field: {
      creditCode: '统一社会信用代码相同',
      name: '名称相同',
      mobile: '手机号相同',
      email: '邮箱相同',
    },
    confirmTitle: '仍要创建？',
    confirmSaveTitle: '仍要保存？',
    confirmAccount: '已有名称相同的客户。确认是不同的客户再继续。',
    confirmContact: '已有手机号或邮箱相同的联系人。确认是不同的人再继续。',
    confirmDeal: '该客户已有同名的进行中商机，重复录入会虚增漏斗。确认是另一个商机再继续。',
    confirmOk: '仍要保存',
  },
};
