export const preferences = {
  money: {
    display: '金额显示',
    compact: '简洁（¥1.43亿）',
    full: '完整（¥142,810,000.00）',
    saved: '金额显示已保存',
    parsed: '= {{value}}',
    hint: '可输入 12亿、300万、1,250,000 或 125.5万',
    invalid: '无法识别的金额，例如 300万 或 1,250,000',
    negative: '金额不能为负数',
    precision: '最多两位小数（到分）',
    tooLarge: '金额过大',
  },
  columnPrefs: {
    choose: '列设置',
    reset: '恢复默认',
    width: '列宽',
    saved: '列设置已保存',
  },
};
