// The import's messages (issue 22), spread into core/messages.ts: a cell that cannot be read, a
// reference that names nothing, a file that cannot be imported at all.
export const IMPORT_MESSAGES = {
  import_money: {
    zh: '金额无法识别（如 1,250,000、125.5万、12亿）',
    en: 'is not an amount (e.g. 1,250,000, or a number in 10k units)',
  },
  import_date: {
    zh: '日期无法识别（如 2027-03-31、2027/3/31、2027年3月31日）',
    en: 'is not a date (e.g. 2027-03-31, 2027/3/31)',
  },
  import_integer: { zh: '应为整数', en: 'must be a whole number' },
  import_enum: { zh: '取值无法识别', en: 'is not one of the known values' },
  import_unknown_owner: { zh: '找不到该负责人（按姓名或邮箱）', en: 'names no user (by name or e-mail)' },
  import_ambiguous_owner: { zh: '有多位同名用户，请改用邮箱', en: 'names several users; use the e-mail' },
  import_unknown_account: {
    zh: '找不到该客户（按名称或统一社会信用代码）',
    en: 'names no account you can see (by name or credit code)',
  },
  import_ambiguous_account: {
    zh: '有多个同名客户，请改用统一社会信用代码',
    en: 'names several accounts; use the credit code',
  },
  import_owned_by: { zh: '已由 {owner} 登记', en: 'is already registered by {owner}' },
  import_no_match: { zh: '仅更新模式下未找到可更新的记录', en: 'matches no existing record (update only)' },
  import_exists: { zh: '记录已存在（仅新建模式）', en: 'already exists (create only)' },
  import_repeated: { zh: '与文件中第 {row} 行重复', en: 'repeats row {row} of the file' },
  import_file_empty: { zh: '文件为空或没有数据行', en: 'The file is empty or has no data rows' },
  import_file_corrupt: {
    zh: '文件已损坏或格式不符，无法读取',
    en: 'The file is damaged or not in the format its name says',
  },
  import_file_encoding: {
    zh: '文件不是 UTF-8 编码，看起来是 GBK/GB18030（中文 Windows 上的 Excel 所存）',
    en: 'The file is not UTF-8: it looks like GBK/GB18030 (saved by Excel on Chinese Windows)',
  },
  import_file_type: { zh: '仅支持 .xlsx 和 .csv 文件', en: 'Only .xlsx and .csv files can be imported' },
  import_file_too_large: { zh: '文件超过 {limit} MB 的上限', en: 'The file is over the {limit} MB limit' },
  import_too_many_rows: { zh: '超过 {limit} 行的上限', en: 'More than the {limit}-row limit' },
  import_unknown_field: { zh: '映射到了不存在的字段：{field}', en: 'maps a column to an unknown field: {field}' },
  import_missing_required: { zh: '缺少必填列：{fields}', en: 'required columns are not mapped: {fields}' },
  import_rows_rejected: {
    zh: '有 {count} 行有误，按“全部成功才导入”未写入任何数据',
    en: '{count} rows are wrong; all-or-nothing, so nothing was written',
  },
  import_pool_accounts_only: { zh: '只有客户可以导入公海', en: 'Only accounts can go to the shared pool' },
  import_failed: { zh: '导入中断，请重试', en: 'The import stopped; try again' },
} as const;
