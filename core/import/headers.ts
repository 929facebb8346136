// The columns an import understands, per entity, and the header words (Chinese and English) that name
// them, so a team's own spreadsheet maps itself: 客户名称 / 名称 / Name → name, 负责人 → owner, 金额（万元）
// → amount in units of 万. Fields are the API's; a few are references resolved when rows are read
// (owner by name or e-mail, account by name or credit code, stage by name, region by province and city).

export const IMPORT_ENTITIES = ['accounts', 'contacts', 'opportunities', 'activities'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** How a cell is read: the parser each kind needs (money with 万/亿, dates in any form, references). */
export type ImportKind =
  | 'text'
  | 'longText'
  | 'money'
  | 'date'
  | 'dateTime'
  | 'integer'
  | 'percent'
  | 'enum'
  | 'tags'
  | 'creditCode'
  | 'owner'
  | 'account'
  | 'stage'
  | 'activityType';

export interface ImportField {
  field: string;
  kind: ImportKind;
  required?: boolean;
  /** Header words that name this field (compared after headerKey). The first is the Chinese label. */
  synonyms: readonly string[];
}

const owner: ImportField = {
  field: 'owner',
  kind: 'owner',
  synonyms: [
    '负责人',
    '客户经理',
    '销售',
    '销售代表',
    '跟进人',
    '所有人',
    '归属人',
    'owner',
    'account manager',
    'sales rep',
  ],
};
const account: ImportField = {
  field: 'account',
  kind: 'account',
  required: true,
  synonyms: [
    '客户名称',
    '客户',
    '所属客户',
    '单位',
    '单位名称',
    '公司',
    '公司名称',
    'account',
    'account name',
    'company',
  ],
};

export const IMPORT_FIELDS: Readonly<Record<ImportEntity, readonly ImportField[]>> = {
  accounts: [
    {
      field: 'name',
      kind: 'text',
      required: true,
      synonyms: ['客户名称', '名称', '客户', '单位名称', '公司名称', '企业名称', 'name', 'account name', 'company'],
    },
    { field: 'shortName', kind: 'text', synonyms: ['简称', '客户简称', 'short name'] },
    {
      field: 'creditCode',
      kind: 'creditCode',
      synonyms: ['统一社会信用代码', '信用代码', '社会信用代码', 'credit code', 'uscc'],
    },
    {
      field: 'ownershipType',
      kind: 'enum',
      synonyms: ['客户性质', '单位性质', '企业性质', '所有制', 'ownership', 'ownership type'],
    },
    { field: 'industry', kind: 'text', synonyms: ['行业', '所属行业', '行业分类', 'industry'] },
    { field: 'province', kind: 'text', synonyms: ['省份', '省', '省/直辖市', '所在省份', 'province'] },
    { field: 'city', kind: 'text', synonyms: ['城市', '市', '地市', '所在城市', 'city'] },
    { field: 'address', kind: 'text', synonyms: ['地址', '详细地址', '办公地址', 'address'] },
    { field: 'website', kind: 'text', synonyms: ['网站', '官网', '网址', 'website'] },
    { field: 'employees', kind: 'integer', synonyms: ['员工人数', '人数', '规模', 'employees', 'headcount'] },
    {
      field: 'annualRevenue',
      kind: 'money',
      synonyms: ['年营业额', '营业收入', '年收入', 'annual revenue', 'revenue'],
    },
    { field: 'ourRevenue', kind: 'money', synonyms: ['我方收入', '合作金额', '历史成交额', '我司收入', 'our revenue'] },
    { field: 'potential', kind: 'money', synonyms: ['潜力', '潜在金额', '预计采购额', 'potential'] },
    { field: 'tier', kind: 'enum', synonyms: ['客户等级', '等级', '级别', 'tier', 'grade'] },
    { field: 'tags', kind: 'tags', synonyms: ['标签', 'tags'] },
    owner,
    { field: 'needs', kind: 'longText', synonyms: ['需求', '客户需求', 'needs'] },
    { field: 'background', kind: 'longText', synonyms: ['背景', '客户背景', '备注', 'background', 'notes'] },
  ],
  contacts: [
    account,
    {
      field: 'name',
      kind: 'text',
      required: true,
      synonyms: ['姓名', '联系人', '联系人姓名', '名字', 'name', 'contact', 'contact name'],
    },
    { field: 'title', kind: 'text', synonyms: ['职务', '职位', '头衔', 'title', 'job title', 'position'] },
    { field: 'department', kind: 'text', synonyms: ['部门', '科室', 'department'] },
    {
      field: 'mobile',
      kind: 'text',
      synonyms: ['手机', '手机号', '手机号码', '移动电话', 'mobile', 'cell', 'cell phone'],
    },
    {
      field: 'phone',
      kind: 'text',
      synonyms: ['电话', '座机', '办公电话', '固定电话', 'phone', 'telephone', 'office phone'],
    },
    { field: 'email', kind: 'text', synonyms: ['邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail', 'mail'] },
    { field: 'wechat', kind: 'text', synonyms: ['微信', '微信号', 'wechat'] },
    { field: 'birthday', kind: 'date', synonyms: ['生日', '出生日期', 'birthday', 'date of birth'] },
    { field: 'influence', kind: 'enum', synonyms: ['影响力', 'influence'] },
    { field: 'notes', kind: 'longText', synonyms: ['备注', '说明', 'notes', 'remarks'] },
  ],
  opportunities: [
    account,
    {
      field: 'name',
      kind: 'text',
      required: true,
      synonyms: ['项目名称', '商机名称', '机会名称', '项目', '商机', 'name', 'deal', 'deal name', 'opportunity'],
    },
    {
      field: 'amount',
      kind: 'money',
      synonyms: ['金额', '预计金额', '项目金额', '合同金额', '预算', 'amount', 'value', 'deal value'],
    },
    {
      field: 'expectedCloseDate',
      kind: 'date',
      synonyms: ['预计成交日期', '预计签约日期', '成交日期', '签约日期', 'expected close date', 'close date'],
    },
    { field: 'stage', kind: 'stage', synonyms: ['阶段', '销售阶段', '商机阶段', 'stage', 'sales stage'] },
    { field: 'probability', kind: 'percent', synonyms: ['赢率', '成交概率', '概率', 'probability', 'win probability'] },
    { field: 'source', kind: 'text', synonyms: ['来源', '商机来源', '线索来源', 'source', 'lead source'] },
    owner,
    { field: 'nextStep', kind: 'text', synonyms: ['下一步', '下一步计划', 'next step'] },
  ],
  activities: [
    account,
    {
      field: 'type',
      kind: 'activityType',
      required: true,
      synonyms: ['类型', '拜访类型', '活动类型', 'type', 'activity type'],
    },
    { field: 'subject', kind: 'text', required: true, synonyms: ['主题', '标题', '事由', 'subject', 'title'] },
    {
      field: 'plannedStart',
      kind: 'dateTime',
      required: true,
      synonyms: ['开始时间', '拜访时间', '日期', '时间', 'start', 'date', 'start time'],
    },
    { field: 'plannedEnd', kind: 'dateTime', synonyms: ['结束时间', 'end', 'end time'] },
    { field: 'place', kind: 'text', synonyms: ['地点', '拜访地点', 'place', 'location'] },
    { field: 'objective', kind: 'text', synonyms: ['目的', '拜访目的', '目标', 'objective', 'purpose'] },
    {
      field: 'outcome',
      kind: 'longText',
      synonyms: ['结果', '拜访结果', '拜访记录', '纪要', 'outcome', 'result', 'notes'],
    },
    { field: 'nextSteps', kind: 'text', synonyms: ['下一步', '后续安排', 'next steps'] },
    owner,
  ],
};

/** Units a header can carry for its money column: 金额（万元）, Amount (CNY 10k). */
const UNITS: readonly [RegExp, string][] = [
  [/亿元|亿/u, '100000000'],
  [/万元|万|10k/u, '10000'],
];

/**
 * A header as compared: NFKC, lower case, without spaces, a required-column star, or a bracketed
 * unit or note — "* 客户名称", "金额（万元）" and "Amount (CNY)" compare as 客户名称, 金额, amount.
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([（【][^)\]）】]*[)\]）】]/gu, '')
    .replace(/[\s*:：_]/gu, '');
}

export interface HeaderMatch {
  /** The column's position in the sheet. */
  column: number;
  header: string;
  /** The field it maps to; null when no field's words match (the column is ignored unless mapped by hand). */
  field: string | null;
  /** For a money column whose header names a unit (万元, 亿元): the multiplier, as a decimal string. */
  unit?: string;
}

/**
 * Maps a sheet's headers to an entity's fields by their words. Each field takes the first column that
 * names it; a later column naming the same field stays unmapped rather than silently overwriting it.
 */
export function matchHeaders(entity: ImportEntity, headers: readonly string[]): HeaderMatch[] {
  const fields = IMPORT_FIELDS[entity];
  const byWord = new Map<string, ImportField>();
  // No word names two fields of one entity (headers.test.ts checks it).
  for (const f of fields) for (const w of f.synonyms) byWord.set(headerKey(w), f);
  const taken = new Set<string>();
  return headers.map((header, column) => {
    const f = byWord.get(headerKey(header));
    if (!f || taken.has(f.field)) return { column, header, field: null };
    taken.add(f.field);
    const unit =
      f.kind === 'money' ? UNITS.find(([re]) => re.test(header.normalize('NFKC').toLowerCase()))?.[1] : undefined;
    return unit ? { column, header, field: f.field, unit } : { column, header, field: f.field };
  });
}

/** The required fields an entity's mapping leaves without a column. */
export function missingRequired(entity: ImportEntity, mapped: Iterable<string | null>): string[] {
  const have = new Set(mapped);
  return IMPORT_FIELDS[entity].filter((f) => f.required && !have.has(f.field)).map((f) => f.field);
}
