export const pickers = {
  pickers: {
    region: '地区',
    regionPlaceholder: '选择省 / 市 / 区县',
    regionFilter: '省份 / 城市',
    regionLoading: '正在加载行政区划…',
    industry: '行业（GB/T 4754）',
    industryPlaceholder: '选择门类 / 大类',
    typedBefore: '原填写：{{text}}（未匹配到标准代码，选择后替换）',
    byProvince: '按省份',
    noRegion: '未填地区',
    byProvinceCount: '{{name}} {{count}}',
    other: '其他',
    otherText: '请说明',
    lists: {
      lostReasons: '丢单原因',
      dealSources: '商机来源',
      title: '选项列表',
      hint: '销售在商机表单和丢单对话框中从这些选项中选择；选择“其他”时才可填写文字。',
      add: '添加选项',
      saved: '选项已保存',
    },
  },
};
