// 国民经济行业分类 GB/T 4754-2017 (with its 2019 amendment, which changed no division), two levels:
// the 20 sections (门类 A–T) and their 97 divisions (大类 01–97), with the Chinese names of the
// standard and the English names of the National Bureau of Statistics' translation ("Industrial
// Classification for National Economic Activities"). No maintained npm package carries it, so the
// table lives here. Accounts store a division's code (or a section's letter when only that is known).
import { INDUSTRY_ALIASES } from './industry-aliases.ts';

export interface IndustrySection {
  code: string;
  zh: string;
  en: string;
  divisions: { code: string; zh: string; en: string }[];
}

type Row = [code: string, zh: string, en: string];

const S = (code: string, zh: string, en: string, divisions: Row[]): IndustrySection => ({
  code,
  zh,
  en,
  divisions: divisions.map(([c, z, e]) => ({ code: c, zh: z, en: e })),
});

export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  S('A', '农、林、牧、渔业', 'Agriculture, forestry, animal husbandry and fishery', [
    ['01', '农业', 'Agriculture'],
    ['02', '林业', 'Forestry'],
    ['03', '畜牧业', 'Animal husbandry'],
    ['04', '渔业', 'Fishery'],
    [
      '05',
      '农、林、牧、渔专业及辅助性活动',
      'Support activities for agriculture, forestry, animal husbandry and fishery',
    ],
  ]),
  S('B', '采矿业', 'Mining', [
    ['06', '煤炭开采和洗选业', 'Mining and washing of coal'],
    ['07', '石油和天然气开采业', 'Extraction of petroleum and natural gas'],
    ['08', '黑色金属矿采选业', 'Mining and processing of ferrous metal ores'],
    ['09', '有色金属矿采选业', 'Mining and processing of non-ferrous metal ores'],
    ['10', '非金属矿采选业', 'Mining and processing of non-metal ores'],
    ['11', '开采专业及辅助性活动', 'Support activities for mining'],
    ['12', '其他采矿业', 'Other mining'],
  ]),
  S('C', '制造业', 'Manufacturing', [
    ['13', '农副食品加工业', 'Processing of food from agricultural products'],
    ['14', '食品制造业', 'Manufacture of foods'],
    ['15', '酒、饮料和精制茶制造业', 'Manufacture of liquor, beverages and refined tea'],
    ['16', '烟草制品业', 'Manufacture of tobacco'],
    ['17', '纺织业', 'Manufacture of textiles'],
    ['18', '纺织服装、服饰业', 'Manufacture of textile wearing apparel and accessories'],
    ['19', '皮革、毛皮、羽毛及其制品和制鞋业', 'Manufacture of leather, fur, feathers and related products; footwear'],
    [
      '20',
      '木材加工和木、竹、藤、棕、草制品业',
      'Processing of timber; manufacture of wood, bamboo, rattan, palm and straw products',
    ],
    ['21', '家具制造业', 'Manufacture of furniture'],
    ['22', '造纸和纸制品业', 'Manufacture of paper and paper products'],
    ['23', '印刷和记录媒介复制业', 'Printing and reproduction of recording media'],
    [
      '24',
      '文教、工美、体育和娱乐用品制造业',
      'Manufacture of articles for culture, education, arts and crafts, sport and entertainment',
    ],
    ['25', '石油、煤炭及其他燃料加工业', 'Processing of petroleum, coal and other fuels'],
    ['26', '化学原料和化学制品制造业', 'Manufacture of raw chemical materials and chemical products'],
    ['27', '医药制造业', 'Manufacture of medicines'],
    ['28', '化学纤维制造业', 'Manufacture of chemical fibres'],
    ['29', '橡胶和塑料制品业', 'Manufacture of rubber and plastic products'],
    ['30', '非金属矿物制品业', 'Manufacture of non-metallic mineral products'],
    ['31', '黑色金属冶炼和压延加工业', 'Smelting and pressing of ferrous metals'],
    ['32', '有色金属冶炼和压延加工业', 'Smelting and pressing of non-ferrous metals'],
    ['33', '金属制品业', 'Manufacture of metal products'],
    ['34', '通用设备制造业', 'Manufacture of general-purpose machinery'],
    ['35', '专用设备制造业', 'Manufacture of special-purpose machinery'],
    ['36', '汽车制造业', 'Manufacture of motor vehicles'],
    [
      '37',
      '铁路、船舶、航空航天和其他运输设备制造业',
      'Manufacture of railway, ship, aerospace and other transport equipment',
    ],
    ['38', '电气机械和器材制造业', 'Manufacture of electrical machinery and equipment'],
    [
      '39',
      '计算机、通信和其他电子设备制造业',
      'Manufacture of computers, communication and other electronic equipment',
    ],
    ['40', '仪器仪表制造业', 'Manufacture of measuring instruments and meters'],
    ['41', '其他制造业', 'Other manufacturing'],
    ['42', '废弃资源综合利用业', 'Utilisation of waste resources'],
    ['43', '金属制品、机械和设备修理业', 'Repair of metal products, machinery and equipment'],
  ]),
  S('D', '电力、热力、燃气及水生产和供应业', 'Production and supply of electricity, heat, gas and water', [
    ['44', '电力、热力生产和供应业', 'Production and supply of electricity and heat'],
    ['45', '燃气生产和供应业', 'Production and supply of gas'],
    ['46', '水的生产和供应业', 'Production and supply of water'],
  ]),
  S('E', '建筑业', 'Construction', [
    ['47', '房屋建筑业', 'Construction of buildings'],
    ['48', '土木工程建筑业', 'Civil engineering'],
    ['49', '建筑安装业', 'Construction installation'],
    ['50', '建筑装饰、装修和其他建筑业', 'Building decoration, renovation and other construction'],
  ]),
  S('F', '批发和零售业', 'Wholesale and retail trades', [
    ['51', '批发业', 'Wholesale trade'],
    ['52', '零售业', 'Retail trade'],
  ]),
  S('G', '交通运输、仓储和邮政业', 'Transport, storage and postal services', [
    ['53', '铁路运输业', 'Rail transport'],
    ['54', '道路运输业', 'Road transport'],
    ['55', '水上运输业', 'Water transport'],
    ['56', '航空运输业', 'Air transport'],
    ['57', '管道运输业', 'Pipeline transport'],
    ['58', '多式联运和运输代理业', 'Multimodal transport and transport agency'],
    ['59', '装卸搬运和仓储业', 'Loading, unloading and storage'],
    ['60', '邮政业', 'Postal services'],
  ]),
  S('H', '住宿和餐饮业', 'Accommodation and catering', [
    ['61', '住宿业', 'Accommodation'],
    ['62', '餐饮业', 'Catering services'],
  ]),
  S('I', '信息传输、软件和信息技术服务业', 'Information transmission, software and information technology services', [
    ['63', '电信、广播电视和卫星传输服务', 'Telecommunications, broadcasting and satellite transmission services'],
    ['64', '互联网和相关服务', 'Internet and related services'],
    ['65', '软件和信息技术服务业', 'Software and information technology services'],
  ]),
  S('J', '金融业', 'Finance', [
    ['66', '货币金融服务', 'Monetary and financial services'],
    ['67', '资本市场服务', 'Capital market services'],
    ['68', '保险业', 'Insurance'],
    ['69', '其他金融业', 'Other financial services'],
  ]),
  S('K', '房地产业', 'Real estate', [['70', '房地产业', 'Real estate']]),
  S('L', '租赁和商务服务业', 'Leasing and business services', [
    ['71', '租赁业', 'Leasing'],
    ['72', '商务服务业', 'Business services'],
  ]),
  S('M', '科学研究和技术服务业', 'Scientific research and technical services', [
    ['73', '研究和试验发展', 'Research and experimental development'],
    ['74', '专业技术服务业', 'Professional technical services'],
    ['75', '科技推广和应用服务业', 'Technology promotion and application services'],
  ]),
  S('N', '水利、环境和公共设施管理业', 'Water conservancy, environment and public facilities management', [
    ['76', '水利管理业', 'Water conservancy management'],
    ['77', '生态保护和环境治理业', 'Ecological protection and environmental governance'],
    ['78', '公共设施管理业', 'Public facilities management'],
    ['79', '土地管理业', 'Land management'],
  ]),
  S('O', '居民服务、修理和其他服务业', 'Resident services, repair and other services', [
    ['80', '居民服务业', 'Resident services'],
    ['81', '机动车、电子产品和日用产品修理业', 'Repair of motor vehicles, electronic products and household goods'],
    ['82', '其他服务业', 'Other services'],
  ]),
  S('P', '教育', 'Education', [['83', '教育', 'Education']]),
  S('Q', '卫生和社会工作', 'Health and social work', [
    ['84', '卫生', 'Health'],
    ['85', '社会工作', 'Social work'],
  ]),
  S('R', '文化、体育和娱乐业', 'Culture, sports and entertainment', [
    ['86', '新闻和出版业', 'News and publishing'],
    ['87', '广播、电视、电影和录音制作业', 'Radio, television, film and sound recording production'],
    ['88', '文化艺术业', 'Culture and arts'],
    ['89', '体育', 'Sports'],
    ['90', '娱乐业', 'Entertainment'],
  ]),
  S('S', '公共管理、社会保障和社会组织', 'Public administration, social security and social organisations', [
    ['91', '中国共产党机关', 'Organs of the Communist Party of China'],
    ['92', '国家机构', 'State organs'],
    ['93', '人民政协、民主党派', 'CPPCC and democratic parties'],
    ['94', '社会保障', 'Social security'],
    [
      '95',
      '群众团体、社会团体和其他成员组织',
      'Mass organisations, social organisations and other membership organisations',
    ],
    ['96', '基层群众自治组织及其他组织', 'Grassroots self-governing organisations and others'],
  ]),
  S('T', '国际组织', 'International organisations', [['97', '国际组织', 'International organisations']]),
];

export interface IndustryEntry {
  code: string;
  zh: string;
  en: string;
  /** The section letter; null for a section itself. */
  section: string | null;
}

export const INDUSTRY_BY_CODE: ReadonlyMap<string, IndustryEntry> = new Map(
  INDUSTRY_SECTIONS.flatMap((s): [string, IndustryEntry][] => [
    [s.code, { code: s.code, zh: s.zh, en: s.en, section: null }],
    ...s.divisions.map((d): [string, IndustryEntry] => [d.code, { ...d, section: s.code }]),
  ]),
);

export const isIndustryCode = (code: string): boolean => INDUSTRY_BY_CODE.has(code);

/** The path a picker shows for a code: [section] or [section, division]; [] for an unknown code. */
export function industryPath(code: string | null | undefined): string[] {
  const e = code ? INDUSTRY_BY_CODE.get(code) : undefined;
  if (!e) return [];
  return e.section ? [e.section, e.code] : [e.code];
}

/** The name of a code in a language ('zh' or 'en'); null for an unknown code. */
export function industryName(code: string | null | undefined, lang: 'zh' | 'en'): string | null {
  const e = code ? INDUSTRY_BY_CODE.get(code) : undefined;
  return e ? e[lang] : null;
}

const normalise = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\s\u3000、，,。.;；:：()（）\-—&]/g, '')
    .replace(/(行业|产业|业)$/u, '');

/**
 * Normalised Chinese and English names to codes. Sections go in first so that a division named like its
 * section (房地产业, 教育) overwrites it: the division is the more specific answer.
 */
const BY_NAME: ReadonlyMap<string, string> = new Map(
  [...INDUSTRY_BY_CODE.values()]
    .sort((a, b) => Number(b.section === null) - Number(a.section === null))
    .flatMap((e): [string, string][] => [
      [normalise(e.en), e.code],
      [normalise(e.zh), e.code],
    ]),
);

const ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries(INDUSTRY_ALIASES).map(([word, code]) => [normalise(word), code]),
);

/**
 * The code a typed industry names: a division or section whose Chinese or English name it equals
 * (ignoring punctuation, spacing and a trailing 业/行业), the code itself ("65", "I"), or a common
 * shorthand with one clear meaning (core/industry-aliases.ts: 医疗卫生, 软件, 政务). Null otherwise.
 */
export function matchIndustry(text: string | null | undefined): string | null {
  const raw = text?.trim();
  if (!raw) return null;
  const upper = raw.toUpperCase();
  if (INDUSTRY_BY_CODE.has(upper)) return upper;
  const t = normalise(raw);
  if (!t) return null;
  return BY_NAME.get(t) ?? ALIASES.get(t) ?? null;
}

/**
 * An industry as stored in text (the account's industry column, a history entry) for a reader: as typed
 * for a Chinese reader; for an English one, the standard's English name of the code the text names
 * (医疗卫生 → Health), else the text as typed.
 */
export function industryText(text: string, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return text;
  const code = matchIndustry(text);
  return (code && INDUSTRY_BY_CODE.get(code)?.en) || text;
}
