import type { TFunction } from 'i18next';
import type { ScoringField } from '../../../core/enums.ts';

const COURSE_KEYS = ['salesOrPotential', 'salesVolume', 'potential', 'marketStrength', 'financialStatus'];

/** A criterion's own label, else the course's name for the default criteria, else its field's name. */
export function criterionLabel(t: TFunction, c: { key: string; label: string | null; field: ScoringField }): string {
  if (c.label) return c.label;
  return COURSE_KEYS.includes(c.key) ? t(`scoring.criterion.${c.key}`) : t(`field.account.${c.field}`);
}
