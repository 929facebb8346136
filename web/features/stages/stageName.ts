import { useTranslation } from 'react-i18next';
import { useStages } from './api.ts';

/** English readers see nameEn when the admin gave one; everyone else the Chinese name. */
export function stageLabel(stage: { name: string; nameEn: string | null }, lang: string): string {
  return lang === 'en' && stage.nameEn ? stage.nameEn : stage.name;
}

/** Label for a stage id as the list/board rows carry it (they only carry the Chinese stageName). */
export function useStageLabel(): (stageId: string | null | undefined, fallback?: string | null) => string {
  const { i18n } = useTranslation();
  const stages = useStages();
  return (stageId, fallback) => {
    const s = stages.data?.find((x) => x.id === stageId);
    return s ? stageLabel(s, i18n.language) : (fallback ?? '—');
  };
}
