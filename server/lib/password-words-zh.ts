// zxcvbn-ts ships no Chinese dictionary, and its English lists miss what Chinese users build passwords
// from: pinyin names, love numbers (5201314) and everyday pinyin words. These lists add them, most
// common first (zxcvbn's guess count grows with a word's rank). A short hand-kept list, not a maintained
// one: the common surnames, and the words that analyses of Chinese password leaks keep finding.

/** Pinyin and numbers common in Chinese passwords. */
export const PASSWORDS_ZH = [
  '5201314', '1314520', 'woaini', '1314', '520', 'aini', 'woaini1314', '521', 'wojiushiwo', 'mima',
  'mimamima', 'woaiwojia', 'nihao', 'baobei', 'baobao', 'laopo', 'laogong', 'zhongguo', 'qq', 'tiantian',
  'xiaoxiao', 'kuaile', 'xingfu', 'aiqing', 'qinqin', 'huanhuan', 'tianshi', 'mama', 'baba', 'wanmei',
  'kaixin', 'pengyou', 'zaijian', 'xiaobai', 'xiaohei', 'xiaoxin', 'yongyuan', 'yiqi', 'yisheng', 'shengri',
  'beijing', 'shanghai', 'shenzhen', 'guangzhou', 'tianjin', 'chongqing', 'hangzhou', 'nanjing', 'wuhan', 'chengdu',
  'weixin', 'taobao', 'baidu', 'tengxun', 'huawei', 'xiaomi', 'alibaba', 'dianxin', 'yidong', 'liantong',
  '168', '888', '666', '518', '1688', '8888', '9527', '7758521', '147258369', '159357',
];

/** The most common surnames and given-name syllables in pinyin. */
export const NAMES_ZH = [
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou',
  'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'gao', 'lin', 'luo',
  'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng', 'cao', 'peng',
  'zeng', 'xiao', 'tian', 'dong', 'yuan', 'pan', 'cai', 'jiang', 'yu', 'du',
  'ye', 'cheng', 'su', 'wei', 'lu', 'ding', 'ren', 'shen', 'yao', 'jin',
  'cui', 'zhong', 'tan', 'fan', 'fang', 'shi', 'liao', 'zou', 'xiong', 'qiu',
  'qin', 'jia', 'hou', 'shao', 'meng', 'long', 'wan', 'duan', 'lei', 'qian',
  'min', 'jing', 'qiang', 'jun', 'yong', 'yan', 'jie', 'juan', 'tao', 'ming',
  'chao', 'xiuying', 'hua', 'ping', 'gang', 'hong', 'xin', 'hao', 'na', 'lili',
  'jianguo', 'jianhua', 'guoqiang', 'haiyan', 'xiaoming', 'xiaohong', 'xiaoyan', 'xiaolong', 'zhiqiang', 'jianjun',
];
