// How the app answers while it works: loading states and what to do after a failed save.
export const feedback = {
  feedback: {
    loading: '加载中…',
    hint: {
      forbidden: '如需此权限，请联系管理员。',
      notFound: '该记录可能已被删除或不在您的数据范围内，请刷新列表。',
      network: '您的修改未保存，请检查网络连接后重试。',
      server: '您的修改未保存，请稍后重试；如仍失败，请联系管理员。',
      notSaved: '您的修改未保存。',
    },
  },
};
