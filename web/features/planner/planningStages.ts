import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../core/schemas/catalog.ts';
import { useStages } from '../stages/api.ts';
import { stageLabel } from '../stages/stageName.ts';

/** The planner's stages as the server counts them: the open stages in funnel order, then the won stage. */
export function planningStages(stages: Stage[]): Stage[] {
  const byPosition = [...stages].sort((a, b) => a.position - b.position);
  const won = byPosition.find((s) => s.kind === 'won');
  return [...byPosition.filter((s) => s.kind === 'open'), ...(won ? [won] : [])];
}

export function usePlanningStages(): { stages: { id: string; label: string }[]; isPending: boolean } {
  const { i18n } = useTranslation();
  const q = useStages();
  return {
    stages: planningStages(q.data ?? []).map((s) => ({ id: s.id, label: stageLabel(s, i18n.language) })),
    isPending: q.isPending,
  };
}
