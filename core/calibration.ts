// Calibrated probabilities: of the closed deals that reached a stage, how many were won. A won
// deal passed every open stage; a lost deal reached the stages up to the furthest it was in.

export interface ClosedGroup {
  status: 'won' | 'lost';
  /** Index (in funnel order) of the furthest open stage the deal was in; -1 for none. */
  furthest: number;
  deals: number;
}

export interface StageRate {
  stageId: string;
  reached: number;
  won: number;
  /** Whole percent; null when no closed deal reached the stage. */
  observed: number | null;
}

export function calibrate(openStageIds: string[], closed: ClosedGroup[]): StageRate[] {
  const reached = openStageIds.map(() => 0);
  const won = openStageIds.map(() => 0);
  for (const g of closed) {
    const upTo = g.status === 'won' ? openStageIds.length - 1 : Math.min(g.furthest, openStageIds.length - 1);
    for (let k = 0; k <= upTo; k++) {
      reached[k] += g.deals;
      if (g.status === 'won') won[k] += g.deals;
    }
  }
  return openStageIds.map((stageId, k) => ({
    stageId,
    reached: reached[k],
    won: won[k],
    observed: reached[k] ? Math.round((won[k] / reached[k]) * 100) : null,
  }));
}
