import { useTranslation } from 'react-i18next';
import type { ActivityType } from '../../../core/schemas/activities.ts';
import { useActivityTypes } from './api.ts';

/** Types the after-call form asks a satisfaction score for (service records). */
export const SATISFACTION_TYPES = new Set(['service', 'after_sales']);

export function typeName(type: Pick<ActivityType, 'name' | 'nameEn'>, lang: string): string {
  return lang === 'en' && type.nameEn ? type.nameEn : type.name;
}

/** Rows carry only the type key; the admin-maintained list has its names in both languages. */
export function useTypeLabel(): (key: string) => string {
  const { i18n } = useTranslation();
  const types = useActivityTypes();
  return (key) => {
    const ty = types.data?.find((x) => x.key === key);
    return ty ? typeName(ty, i18n.language) : key;
  };
}

/** Active types for pickers, plus the current one even if it has been deactivated since. */
export function useTypeOptions(current?: string): { value: string; label: string }[] {
  const { i18n } = useTranslation();
  const types = useActivityTypes();
  return (types.data ?? [])
    .filter((ty) => ty.active || ty.key === current)
    .sort((a, b) => a.position - b.position)
    .map((ty) => ({ value: ty.key, label: typeName(ty, i18n.language) }));
}
