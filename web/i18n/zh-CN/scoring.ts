export const scoring = {
  scoring: {
    nav: '大客户评分', title: '大客户评分与分级',
    hint: '按销售额或销售潜力（取较大者）、市场发展实力和资金状况等加权打分（0–100），给出建议等级；建议与现有等级不一致的客户可批量调整。',
    matrixTitle: '现有等级 × 建议等级', disagreeTotal: '共 {{count}} 个客户的现有等级与建议不一致',
    onlyDisagree: '只看不一致', assignedFilter: '现有等级', untiered: '未分级', clearTier: '清除等级',
    score: '评分', assigned: '现有等级', recommended: '建议等级', disagree: '不一致',
    selected: '已选 {{count}} 个', applyRecommended: '采用建议等级', setTier: '设为…',
    applyConfirm: '将所选 {{count}} 个客户改为各自的建议等级？', setConfirm: '将所选 {{count}} 个客户设为 {{tier}}？',
    updated: '已调整 {{count}} 个客户的等级',
    editModel: '评分模型', modelSaved: '评分模型已保存，全部客户已重新评分', weightSum: '权重合计：{{sum}} / 100',
    addCriterion: '添加评分项', key: '标识', label: '名称', field: '依据字段', weight: '权重',
    bandsHint: '分段：取下限不超过该值的最高一段', pointsUnit: '分', bandMin: '下限', points: '得分', addBand: '添加分段',
    thresholdA: 'A 类最低分', thresholdB: 'B 类最低分',
    largerOf: '或取较大者', addAlternative: '取较大者：再加一个依据字段', largerHint: '本项取上面的字段与以下字段中得分最高者（课程：销售额大或销售潜力大）', measure: '{{field}} {{value}}：{{points}} 分',
    cardTitle: '大客户评分', missing: '缺失', contribution: '{{points}} 分 × {{weight}}% = {{contribution}}',
    criterion: { salesOrPotential: '销售额或销售潜力', salesVolume: '销售额', potential: '销售潜力', marketStrength: '市场发展实力', financialStatus: '资金状况' },
    issue: {
      weights_sum: '各项权重合计须为 100（当前为 {{sum}}）', duplicate_key: '标识重复', duplicate_field: '该字段已在本评分项中', bands_order: '分段下限须从小到大排列且不重复',
      threshold_order: 'A 类阈值须高于 B 类阈值', required: '必填', enum: '取值无效', invalid: '取值无效',
    },
  },
};
