// The twelve built-in activity types every organisation starts with, and the funnel stage each
// belongs to by default (the course's call types per stage). `stage` indexes DEFAULT_STAGES.
import type { BuiltinActivityType } from '../../../core/enums.ts';

export interface BuiltinTypeSpec {
  key: BuiltinActivityType;
  name: string;
  nameEn: string;
  /** Index into core/funnel DEFAULT_STAGES; null when the type belongs to no stage. */
  stage: number | null;
}

export const BUILTIN_TYPES: readonly BuiltinTypeSpec[] = [
  { key: 'training', name: '培训/技术交流', nameEn: 'Training', stage: 0 },
  { key: 'visit', name: '拜访', nameEn: 'Visit', stage: null },
  { key: 'decision_maker_meeting', name: '见负责人/高层拜访', nameEn: 'Decision-maker meeting', stage: 1 },
  { key: 'consultation', name: '咨询/诊断', nameEn: 'Consultation', stage: 2 },
  { key: 'proposal', name: '方案呈现', nameEn: 'Proposal presentation', stage: 3 },
  { key: 'tender', name: '投标', nameEn: 'Tender', stage: 4 },
  { key: 'negotiation', name: '谈判', nameEn: 'Negotiation', stage: 4 },
  { key: 'signing', name: '签约', nameEn: 'Signing', stage: 5 },
  { key: 'entertainment', name: '宴请', nameEn: 'Entertainment', stage: null },
  { key: 'call', name: '电话/微信', nameEn: 'Call / WeChat', stage: null },
  { key: 'after_sales', name: '售后回访', nameEn: 'After-sales follow-up', stage: null },
  { key: 'service', name: '服务', nameEn: 'Service', stage: null },
];
