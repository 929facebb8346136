export const search = {
  search: { placeholder: '搜索客户、联系人、电话…', accounts: '客户', contacts: '联系人', noResults: '无匹配结果' },
};
