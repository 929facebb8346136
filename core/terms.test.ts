// The course's 小红旗 ("little red flag") marks a strength. A screen that also calls a risk 红旗 (or
// "red flag" in English) makes a trained rep read it backwards, so every user-facing text is checked:
// the web's resources, the API's messages and the texts core builds (red flags, map reasons).
import { describe, expect, it } from 'vitest';
import { zhCN } from '../web/i18n/zh-CN/index.ts';
import { en } from '../web/i18n/en/index.ts';
import { MESSAGES } from './messages.ts';
import { redFlagMessage, BUYING_ROLES, type RedFlagCode } from './blue-sheet.ts';
import { RED_FLAG_SEVERITY } from './account-health.ts';
import { describeMapJudgement, type MapReasonCode } from './relationship-map.ts';
import { DEFAULT_STAGES } from './funnel.ts';
import { GENERATED_SUBJECTS, subjectIn } from './generated-subject.ts';

/** Every string leaf of a resource tree, with its dotted path. */
function leaves(tree: unknown, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  if (tree && typeof tree === 'object')
    return Object.entries(tree).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

const FLAG_CODES = Object.keys(RED_FLAG_SEVERITY) as RedFlagCode[];
const MAP_CODES: MapReasonCode[] = [
  'no_key_players',
  'no_supportive_key_player',
  'no_decision_maker',
  'decision_makers_not_supportive',
  'economic_buyer_hostile',
  'economic_buyer_not_covered',
  'decision_makers_supportive',
];

function texts(lang: 'zh' | 'en'): [string, string][] {
  const flags = FLAG_CODES.flatMap((code) =>
    BUYING_ROLES.map((role): [string, string] => [
      `flag.${code}.${role}`,
      redFlagMessage({ code, severity: 'medium', params: { role, count: 2, days: 40, mode: 'trouble' } }, lang),
    ]),
  );
  const reasons = MAP_CODES.map((code): [string, string] => [
    `map.${code}`,
    describeMapJudgement({ status: 'amber', code, names: ['甲'] }, lang),
  ]);
  const api = Object.entries(MESSAGES).map(([k, m]): [string, string] => [`api.${k}`, m[lang]]);
  return [...leaves(lang === 'zh' ? zhCN : en), ...api, ...flags, ...reasons];
}

describe('risks are never called red flags', () => {
  it('zh: every text with 红旗 is about strengths (小红旗)', () => {
    const wrong = texts('zh').filter(([, s]) => s.replaceAll('小红旗', '').includes('红旗'));
    expect(wrong).toEqual([]);
  });

  it('en: every text with "red flag" is about strengths (little red flag)', () => {
    const wrong = texts('en').filter(([, s]) => /red.flag/i.test(s.replace(/little red flags?/gi, '')));
    expect(wrong).toEqual([]);
  });

  it('strengths carry the course’s name, risks say 风险 / risk', () => {
    expect(zhCN.deals.strengthsTitle).toContain('小红旗');
    expect(zhCN.enum.noteKind.strength).toContain('小红旗');
    expect(zhCN.deals.redFlagsTitle).toContain('风险');
    expect(zhCN.enum.noteKind.red_flag).toContain('风险');
    expect(en.deals.strengthsTitle.toLowerCase()).toContain('little red flag');
    expect(en.deals.redFlagsTitle.toLowerCase()).toContain('risk');
    expect(en.enum.noteKind.red_flag.toLowerCase()).toContain('risk');
  });
});

// docs/GLOSSARY.md: the forecast category `pipeline` is 漏斗中 (not 管道); a key account's tier is
// A 级, a Pareto class A 类 — one form per concept.
describe('one Chinese word per concept', () => {
  it('the pipeline forecast category is 漏斗中, and no text says 管道', () => {
    expect(zhCN.enum.forecastCategory.pipeline).toBe('漏斗中');
    expect(zhCN.forecast.col.pipeline).toBe('漏斗中');
    expect(texts('zh').filter(([, s]) => s.includes('管道'))).toEqual([]);
  });

  it('tiers are 级 and Pareto classes 类', () => {
    expect(Object.values(zhCN.enum.tier)).toEqual(['A 级', 'B 级', 'C 级']);
    expect([zhCN.scoring.thresholdA, zhCN.scoring.thresholdB, MESSAGES.threshold_order.zh].join()).not.toMatch(/类/);
    expect(zhCN.scoring.issue.threshold_order).not.toMatch(/类/);
    expect([zhCN.pareto.thresholdA, MESSAGES.pareto_threshold_order.zh].join()).not.toMatch(/级/);
    // Tier texts (scoring, the tier enum, effort by tier) never say A 类; class texts never say A 级.
    const tierTexts = texts('zh').filter(([k]) => /^(scoring|enum\.tier|api\.threshold_order)/.test(k));
    expect(tierTexts.filter(([, s]) => /[ABC] ?类/.test(s))).toEqual([]);
  });
});

// English complete (issue 21): every text the system writes for an English reader — the web's
// resources, the API's messages, risks, map reasons, the default funnel, generated subjects — is
// free of Chinese. 甲 is the contact name texts() fills into map reasons: typed, so allowed; so are
// amounts written the way the money fields accept them (300万, 12亿), which English hints quote.
describe('English texts carry no Chinese', () => {
  const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
  it('resources, messages, risks, reasons, the default funnel and generated subjects', () => {
    const funnel = DEFAULT_STAGES.flatMap((s): [string, string][] => [
      [`stage.${s.name}`, s.nameEn],
      ...s.exitCriteria.map((c): [string, string] => [`stage.${s.name}.${c.id}`, c.labelEn]),
    ]);
    const subjects = GENERATED_SUBJECTS.map((key): [string, string] => [
      `subject.${key}`,
      subjectIn({ subject: '售后回访', subjectKey: key, subjectParams: { deal: 'X', days: 7 } }, 'en'),
    ]);
    const typed = (s: string) => s.replaceAll('甲', '').replace(/\d(\.\d+)?[万亿]/g, '');
    const hits = [...texts('en'), ...funnel, ...subjects].filter(([, s]) => CJK.test(typed(s)));
    expect(hits).toEqual([]);
  });
});
