/** A share (0–1) as a percentage with one decimal. */
export const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
