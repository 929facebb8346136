// The demo organisation's 60 customers: name | short name | ownership | industry | city | scope | tier.
// Government bodies and SOE branches carry real-world style names so the demo feels familiar;
// private firms and the 中创能源 group are fictitious.
import type { OwnershipType, Tier } from '../../../core/enums.ts';

export interface DemoAccountSpec {
  name: string;
  shortName: string;
  ownershipType: OwnershipType;
  industry: string;
  city: string;
  scope: 'national' | 'regional';
  tier: Tier;
  /** Short name of the parent account (集团), if this is a subsidiary. */
  parent?: string;
}

const ROWS = `
北京市卫生健康委员会|北京卫健委|government|医疗卫生|北京|regional|A
上海市教育委员会|上海教委|government|教育|上海|regional|A
广东省政务服务数据管理局|广东政数局|government|政务|广州|regional|A
浙江省大数据发展管理局|浙江大数据局|government|政务|杭州|regional|B
江苏省财政厅|江苏财政厅|government|财政|南京|regional|B
四川省公安厅|四川公安厅|government|公共安全|成都|regional|B
深圳市交通运输局|深圳交通局|government|交通|深圳|regional|B
武汉市医疗保障局|武汉医保局|government|医疗保障|武汉|regional|C
天津市市场监督管理委员会|天津市场监管委|government|市场监管|天津|regional|C
山东省人力资源和社会保障厅|山东人社厅|government|人力社保|济南|regional|B
国家税务总局西安市税务局|西安税务局|government|税务|西安|regional|C
重庆市应急管理局|重庆应急局|government|应急管理|重庆|regional|C
北京市朝阳区人民医院|朝阳区人民医院|institution|医疗卫生|北京|regional|A
上海市第六人民医院|上海六院|institution|医疗卫生|上海|regional|A
浙江省人民医院|浙江省人民医院|institution|医疗卫生|杭州|regional|A
四川大学华西医院|华西医院|institution|医疗卫生|成都|national|A
中山大学附属第一医院|中山一院|institution|医疗卫生|广州|regional|B
南京市鼓楼医院|鼓楼医院|institution|医疗卫生|南京|regional|B
郑州大学第一附属医院|郑大一附院|institution|医疗卫生|郑州|regional|B
湖南省肿瘤医院|湖南肿瘤医院|institution|医疗卫生|长沙|regional|C
清华大学|清华|institution|教育|北京|national|A
复旦大学|复旦|institution|教育|上海|national|B
中国科学院计算技术研究所|中科院计算所|institution|科研|北京|national|B
上海市疾病预防控制中心|上海疾控|institution|公共卫生|上海|regional|C
中创能源集团有限公司|中创能源|soe|能源|北京|national|A
中创能源江苏电力有限公司|中创江苏电力|soe|电力|南京|regional|A|中创能源
中创新能源科技有限公司|中创新能源|soe|新能源|深圳|regional|B|中创能源
中创能源物流有限公司|中创物流|soe|物流|天津|regional|C|中创能源
中国石化北京石油分公司|北京石油|soe|石油化工|北京|regional|A
中国石化上海石油化工股份有限公司|上海石化|soe|石油化工|上海|regional|B
国网浙江省电力有限公司|国网浙江电力|soe|电力|杭州|regional|A
中国移动通信集团广东有限公司|广东移动|soe|通信|广州|regional|A
中国建设银行四川省分行|建行四川分行|soe|金融|成都|regional|B
上海汽车集团股份有限公司|上汽集团|soe|汽车|上海|national|A
中铁四局集团有限公司|中铁四局|soe|建筑|合肥|national|B
湖北省交通投资集团有限公司|湖北交投|soe|交通|武汉|regional|B
山东港口集团有限公司|山东港口|soe|港口物流|青岛|regional|C
陕西煤业化工集团有限责任公司|陕煤集团|soe|煤炭|西安|regional|C
西门子医疗系统有限公司|西门子医疗|foreign|医疗器械|上海|national|A
通用电气（中国）有限公司|GE中国|foreign|装备制造|上海|national|B
巴斯夫（中国）有限公司|巴斯夫|foreign|化工|上海|national|B
博世（中国）投资有限公司|博世中国|foreign|汽车零部件|上海|national|B
飞利浦（中国）投资有限公司|飞利浦|foreign|医疗器械|上海|national|C
施耐德电气（中国）有限公司|施耐德|foreign|电气|北京|national|B
丰田汽车（中国）投资有限公司|丰田中国|foreign|汽车|北京|national|C
雀巢（中国）有限公司|雀巢|foreign|食品|北京|national|C
杭州云途数字科技有限公司|云途科技|private|软件|杭州|national|B
深圳市康泰医疗器械有限公司|康泰医疗|private|医疗器械|深圳|national|A
苏州博远智能制造股份有限公司|博远智造|private|装备制造|苏州|regional|B
成都星辰信息技术有限公司|星辰信息|private|软件|成都|regional|C
北京智源数据科技有限公司|智源数据|private|大数据|北京|regional|B
上海瑞丰物流有限公司|瑞丰物流|private|物流|上海|regional|C
广州华南新材料股份有限公司|华南新材|private|新材料|广州|regional|C
武汉光谷联合科技有限公司|光谷联合|private|光电子|武汉|regional|B
厦门海联跨境电商有限公司|海联电商|private|电子商务|厦门|regional|C
青岛海润食品集团有限公司|海润食品|private|食品|青岛|regional|C
北京市医疗器械行业协会|北京器械协会|other|行业协会|北京|regional|C
上海市慈善基金会|上海慈善基金会|other|公益|上海|regional|C
浙江省软件行业协会|浙江软协|other|行业协会|杭州|regional|C
广东省医院协会|广东医院协会|other|行业协会|广州|regional|C
`;

export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = ROWS.trim()
  .split('\n')
  .map((line) => {
    const [name, shortName, ownershipType, industry, city, scope, tier, parent] = line.split('|');
    return {
      name,
      shortName,
      ownershipType: ownershipType as OwnershipType,
      industry,
      city,
      scope: scope as DemoAccountSpec['scope'],
      tier: tier as Tier,
      parent,
    };
  });

export interface Profile {
  needs: string;
  background: string;
  purchaseMotives: string;
  profitModel: string;
  decisionProcess: string;
  upstreamDownstream: string;
  coreCompetencies: string;
}

/** Profile texts by kind of customer; `{s}` is the account's short name. */
const PROFILES: Record<'government' | 'hospital' | 'education' | 'enterprise' | 'foreign', Profile> = {
  government: {
    needs: '“十四五”数字政府建设要求一网通办、一网统管；{s}需要打通条线业务系统，建设统一数据底座和领导驾驶舱。',
    background: '{s}是本级政府组成部门，年度信息化预算稳定，近三年持续推进政务云迁移和数据共享交换。',
    purchaseMotives: '落实上级考核指标；提升群众办事满意度；信创替代时间表明确，需在年内完成核心系统改造。',
    profitModel: '财政预算拨款，项目按年度预算申报，大项目需发改委立项审批。',
    decisionProcess: '科技信息处提出需求 → 局党组会审议 → 财政评审 → 公开招标（政府采购网）→ 局长签批合同。',
    upstreamDownstream: '上级主管部门负责标准制定；下辖区县局为系统使用单位；政务云由当地大数据局统一提供。',
    coreCompetencies: '行政审批与监管职能；掌握全域业务数据；在本地区有很强的示范带动效应。',
  },
  hospital: {
    needs: '冲刺电子病历应用水平五级和互联互通四级甲等评审，需升级集成平台、临床数据中心和智慧服务系统。',
    background: '{s}为三级甲等综合医院，年门急诊量数百万人次，正在建设新院区，信息化投入逐年增加。',
    purchaseMotives: '等级评审与公立医院绩效考核的硬性指标；新院区开业时间点倒逼；提升患者就医体验。',
    profitModel: '医疗服务收入与医保结算为主，财政补助为辅；设备与信息化采购纳入年度预算。',
    decisionProcess: '信息科立项 → 院长办公会 → 党委会审议 → 采购办组织招标 → 纪检监察全程监督。',
    upstreamDownstream: '受卫健委和医保局监管；与区域医联体成员单位数据互通；主要供应商为HIS、PACS厂商。',
    coreCompetencies: '重点专科学科群、区域医疗中心定位、教学科研实力强。',
  },
  education: {
    needs: '建设智慧校园与科研数据平台，统一身份认证，支撑“双一流”学科建设和教学评估。',
    background: '{s}办学历史悠久，在校师生规模大，信息化办公室统筹全校网络与数据中心建设。',
    purchaseMotives: '教育部评估指标；科研算力需求快速增长；师生对在线服务体验要求高。',
    profitModel: '财政拨款、科研经费和学费收入；专项经费需按年度执行。',
    decisionProcess: '信息办提出方案 → 校长办公会 → 党委常委会 → 招标采购中心组织采购。',
    upstreamDownstream: '上级为教育主管部门；与合作企业共建联合实验室；校友资源丰富。',
    coreCompetencies: '顶尖学科与科研团队，产学研转化能力强，行业影响力大。',
  },
  enterprise: {
    needs: '集团管控与数字化转型：统一ERP和主数据，建设生产运营监控中心，满足国资委数据报送要求。',
    background: '{s}资产规模大、分支机构多，正在推进“数字化转型三年行动计划”，信息化由集团统一规划。',
    purchaseMotives: '国资委对标考核；降本增效；安全生产与合规监管要求；信创国产化替代。',
    profitModel: '主营业务收入为主，规模效应明显；资本开支按年度投资计划审批。',
    decisionProcess: '信息化部门立项 → 总经理办公会 → 党委前置研究 → 集团采购平台招标 → 法务审核合同。',
    upstreamDownstream: '上游为设备与原材料供应商，下游为工商业及居民用户；与地方政府合作紧密。',
    coreCompetencies: '资源与牌照优势、全国网络布局、资金实力雄厚。',
  },
  foreign: {
    needs: '中国区本地化运营：数据出境合规、供应链可视化、经销商管理系统升级。',
    background: '{s}为跨国公司在华主体，中国是其全球第二大市场，IT采购需符合总部全球标准。',
    purchaseMotives: '满足《数据安全法》《个人信息保护法》合规要求；提升中国区响应速度。',
    profitModel: '产品销售与服务收入，中国区独立核算，利润汇回总部。',
    decisionProcess: '业务部门提需求 → 中国区IT评估 → 亚太区审批 → 全球采购框架下签约。',
    upstreamDownstream: '上游为全球工厂与本地供应商；下游为经销商和大型终端客户。',
    coreCompetencies: '全球品牌与核心技术专利，完善的质量管理体系。',
  },
};

export function profileFor(spec: DemoAccountSpec): Profile {
  const kind =
    spec.ownershipType === 'government'
      ? 'government'
      : spec.ownershipType === 'foreign'
        ? 'foreign'
        : spec.industry === '医疗卫生'
          ? 'hospital'
          : spec.industry === '教育' || spec.industry === '科研'
            ? 'education'
            : 'enterprise';
  const p = PROFILES[kind];
  const fill = (s: string) => s.replaceAll('{s}', spec.shortName);
  return {
    needs: fill(p.needs),
    background: fill(p.background),
    purchaseMotives: fill(p.purchaseMotives),
    profitModel: fill(p.profitModel),
    decisionProcess: fill(p.decisionProcess),
    upstreamDownstream: fill(p.upstreamDownstream),
    coreCompetencies: fill(p.coreCompetencies),
  };
}
