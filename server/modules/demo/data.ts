// Vocabulary for realistic Chinese demo and benchmark data. Weights roughly follow where a
// national key-account sales force finds its customers, so searches like 北京 or 医院 hit a
// realistic fraction of the archive.

export interface City {
  province: string;
  city: string;
  /** Administrative division code, used inside credit codes. */
  division: string;
  areaCode: string;
  weight: number;
  /** Municipalities (北京, 上海 …) are named 北京市, not 北京省北京市. */
  municipality?: boolean;
}

export const CITIES: readonly City[] = [
  { province: '北京', city: '北京', division: '110105', areaCode: '010', weight: 10, municipality: true },
  { province: '上海', city: '上海', division: '310115', areaCode: '021', weight: 9, municipality: true },
  { province: '天津', city: '天津', division: '120101', areaCode: '022', weight: 3, municipality: true },
  { province: '重庆', city: '重庆', division: '500103', areaCode: '023', weight: 3, municipality: true },
  { province: '广东', city: '广州', division: '440106', areaCode: '020', weight: 6 },
  { province: '广东', city: '深圳', division: '440305', areaCode: '0755', weight: 6 },
  { province: '广东', city: '东莞', division: '441900', areaCode: '0769', weight: 2 },
  { province: '广东', city: '佛山', division: '440604', areaCode: '0757', weight: 2 },
  { province: '浙江', city: '杭州', division: '330106', areaCode: '0571', weight: 5 },
  { province: '浙江', city: '宁波', division: '330203', areaCode: '0574', weight: 2 },
  { province: '浙江', city: '温州', division: '330302', areaCode: '0577', weight: 1 },
  { province: '江苏', city: '南京', division: '320106', areaCode: '025', weight: 4 },
  { province: '江苏', city: '苏州', division: '320505', areaCode: '0512', weight: 4 },
  { province: '江苏', city: '无锡', division: '320214', areaCode: '0510', weight: 2 },
  { province: '山东', city: '济南', division: '370102', areaCode: '0531', weight: 3 },
  { province: '山东', city: '青岛', division: '370212', areaCode: '0532', weight: 3 },
  { province: '四川', city: '成都', division: '510107', areaCode: '028', weight: 4 },
  { province: '湖北', city: '武汉', division: '420106', areaCode: '027', weight: 4 },
  { province: '湖南', city: '长沙', division: '430104', areaCode: '0731', weight: 3 },
  { province: '河南', city: '郑州', division: '410105', areaCode: '0371', weight: 3 },
  { province: '陕西', city: '西安', division: '610113', areaCode: '029', weight: 3 },
  { province: '安徽', city: '合肥', division: '340104', areaCode: '0551', weight: 2 },
  { province: '福建', city: '福州', division: '350102', areaCode: '0591', weight: 2 },
  { province: '福建', city: '厦门', division: '350203', areaCode: '0592', weight: 2 },
  { province: '辽宁', city: '沈阳', division: '210102', areaCode: '024', weight: 2 },
  { province: '辽宁', city: '大连', division: '210204', areaCode: '0411', weight: 2 },
  { province: '黑龙江', city: '哈尔滨', division: '230103', areaCode: '0451', weight: 1 },
  { province: '吉林', city: '长春', division: '220104', areaCode: '0431', weight: 1 },
  { province: '河北', city: '石家庄', division: '130102', areaCode: '0311', weight: 2 },
  { province: '山西', city: '太原', division: '140105', areaCode: '0351', weight: 1 },
  { province: '江西', city: '南昌', division: '360102', areaCode: '0791', weight: 1 },
  { province: '云南', city: '昆明', division: '530102', areaCode: '0871', weight: 1 },
  { province: '贵州', city: '贵阳', division: '520102', areaCode: '0851', weight: 1 },
  { province: '广西', city: '南宁', division: '450103', areaCode: '0771', weight: 1 },
  { province: '甘肃', city: '兰州', division: '620102', areaCode: '0931', weight: 1 },
  { province: '新疆', city: '乌鲁木齐', division: '650102', areaCode: '0991', weight: 1 },
  { province: '内蒙古', city: '呼和浩特', division: '150102', areaCode: '0471', weight: 1 },
  { province: '海南', city: '海口', division: '460106', areaCode: '0898', weight: 1 },
];

export const cityByName = (name: string): City => {
  const c = CITIES.find((x) => x.city === name);
  if (!c) throw new Error(`unknown city ${name}`);
  return c;
};

/** Industries and the tags a salesperson would attach to customers in them. */
export const TAGS = [
  '战略客户',
  '重点跟进',
  '信创',
  '数字化转型',
  '招投标',
  '续约',
  '新客户',
  '框架协议',
  '标杆案例',
  '高层互访',
] as const;

export const GOVERNMENT_BUREAUS = [
  '卫生健康委员会',
  '教育局',
  '财政局',
  '公安局',
  '交通运输局',
  '医疗保障局',
  '市场监督管理局',
  '人力资源和社会保障局',
  '应急管理局',
  '生态环境局',
  '住房和城乡建设局',
  '政务服务数据管理局',
  '大数据发展管理局',
  '自然资源和规划局',
  '民政局',
  '水务局',
  '农业农村局',
  '商务局',
  '统计局',
  '税务局',
] as const;

export const PRIVATE_BRANDS = [
  '华信',
  '云途',
  '博远',
  '星辰',
  '天瑞',
  '恒通',
  '智源',
  '瑞丰',
  '海联',
  '康泰',
  '鼎盛',
  '中科',
  '联创',
  '远景',
  '新锐',
  '汇智',
  '明德',
  '卓越',
  '金桥',
  '润达',
  '宏图',
  '万方',
  '鸿达',
  '和信',
  '锦程',
  '同舟',
  '启航',
  '睿思',
  '数智',
  '安达',
  '拓普',
  '弘毅',
  '东方',
  '长城',
  '九州',
  '天成',
  '诚泰',
  '永安',
  '佳禾',
  '信达',
] as const;

export const PRIVATE_TRADES: readonly (readonly [string, string])[] = [
  ['科技有限公司', '软件'],
  ['信息技术有限公司', '软件'],
  ['网络科技有限公司', '互联网'],
  ['医疗器械有限公司', '医疗器械'],
  ['生物科技有限公司', '生物医药'],
  ['智能制造股份有限公司', '装备制造'],
  ['新材料股份有限公司', '新材料'],
  ['物流有限公司', '物流'],
  ['电子有限公司', '电子'],
  ['环保科技有限公司', '环保'],
  ['能源科技有限公司', '新能源'],
  ['食品有限公司', '食品'],
];

export const FOREIGN_BRANDS: readonly (readonly [string, string])[] = [
  ['西门子', '装备制造'],
  ['飞利浦', '医疗器械'],
  ['博世', '汽车零部件'],
  ['巴斯夫', '化工'],
  ['施耐德电气', '电气'],
  ['通用电气', '装备制造'],
  ['丰田汽车', '汽车'],
  ['雀巢', '食品'],
  ['霍尼韦尔', '自动化'],
  ['ABB', '电气'],
  ['罗氏诊断', '医疗器械'],
  ['强生', '医疗器械'],
  ['联合利华', '消费品'],
  ['松下', '电子'],
];

export const SOE_PATTERNS: readonly (readonly [string, string])[] = [
  ['中国石化{c}石油分公司', '石油化工'],
  ['国网{c}供电公司', '电力'],
  ['中国移动通信集团{c}分公司', '通信'],
  ['中国电信{c}分公司', '通信'],
  ['中国建设银行{c}分行', '金融'],
  ['中国工商银行{c}分行', '金融'],
  ['{c}市城市建设投资集团有限公司', '城投'],
  ['{c}市地铁集团有限公司', '交通'],
  ['{c}市水务集团有限公司', '水务'],
  ['{c}交通投资集团有限公司', '交通'],
  ['{c}能源集团有限公司', '能源'],
  ['{c}港务集团有限公司', '港口物流'],
];

export const INSTITUTION_PATTERNS: readonly (readonly [string, string])[] = [
  ['{c}市第{n}人民医院', '医疗卫生'],
  ['{c}市中医医院', '医疗卫生'],
  ['{c}市妇幼保健院', '医疗卫生'],
  ['{p}省人民医院', '医疗卫生'],
  ['{c}医科大学附属第{n}医院', '医疗卫生'],
  ['{c}市儿童医院', '医疗卫生'],
  ['{c}市疾病预防控制中心', '公共卫生'],
  ['{c}职业技术学院', '教育'],
  ['{c}市第{n}中学', '教育'],
  ['{c}大学', '教育'],
  ['{c}市科学技术研究院', '科研'],
];

export const OTHER_PATTERNS: readonly (readonly [string, string])[] = [
  ['{c}市软件行业协会', '行业协会'],
  ['{c}市医疗器械行业协会', '行业协会'],
  ['{p}省医院协会', '行业协会'],
  ['{c}市慈善基金会', '公益'],
  ['{c}市总商会', '商会'],
];
