import type { Widen } from '../types.ts';
import type { scoring as zh } from '../zh-CN/scoring.ts';

export const scoring: Widen<typeof zh> = {
  scoring: {
    nav: 'Key-account scoring', title: 'Key-account scoring and tiers',
    hint: 'Accounts are scored 0–100 on weighted criteria — sales volume or potential (the larger), market development strength, financial status — and get a recommended tier; re-tier those that disagree in bulk.',
    matrixTitle: 'Assigned × recommended tier', disagreeTotal: '{{count}} accounts have an assigned tier that differs from the recommendation',
    onlyDisagree: 'Only disagreements', assignedFilter: 'Assigned tier', untiered: 'Untiered', clearTier: 'Clear tier',
    score: 'Score', assigned: 'Assigned', recommended: 'Recommended', disagree: 'Disagrees',
    selected: '{{count}} selected', applyRecommended: 'Apply recommended tier', setTier: 'Set tier…',
    applyConfirm: 'Give the {{count}} selected accounts their recommended tier?', setConfirm: 'Set the {{count}} selected accounts to {{tier}}?',
    updated: 'Tier changed on {{count}} accounts',
    editModel: 'Scoring model', modelSaved: 'Scoring model saved; every account was re-scored', weightSum: 'Weights add up to {{sum}} / 100',
    addCriterion: 'Add criterion', key: 'Key', label: 'Name', field: 'Field', weight: 'Weight',
    bandsHint: 'Bands: the highest band whose minimum the value reaches', pointsUnit: 'pts', bandMin: 'Minimum', points: 'Points', addBand: 'Add band',
    thresholdA: 'Tier A from', thresholdB: 'Tier B from',
    largerOf: 'or the larger of', addAlternative: 'Add a figure: take the larger', largerHint: 'The criterion earns the most points of the field above and those below (the course: large sales or large potential)', measure: '{{field}} {{value}}: {{points}} pts',
    cardTitle: 'Key-account score', missing: 'Missing', contribution: '{{points}} pts × {{weight}}% = {{contribution}}',
    criterion: { salesOrPotential: 'Sales volume or potential', salesVolume: 'Sales volume', potential: 'Potential', marketStrength: 'Market development strength', financialStatus: 'Financial status' },
    issue: {
      weights_sum: 'Weights must add up to 100 (they add up to {{sum}})', duplicate_key: 'Used by another criterion', duplicate_field: 'Already read by this criterion', bands_order: 'Band minimums must increase from band to band',
      threshold_order: 'Must be above the tier B threshold', required: 'Required', enum: 'Not a valid value', invalid: 'Not a valid value',
    },
  },
};
