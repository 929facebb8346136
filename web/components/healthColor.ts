/**
 * Green from 70, orange from 40, red below: the same thresholds everywhere a score shows. Dark enough
 * shades that the number written in them reads at 4.5:1, on white and on a tag's tint of the colour.
 */
export function healthColor(score: number): string {
  if (score >= 70) return '#237804';
  if (score >= 40) return '#ad4e00';
  return '#cf1322';
}
