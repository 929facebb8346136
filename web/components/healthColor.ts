/** Green from 70, orange from 40, red below: the same thresholds everywhere a score shows. */
export function healthColor(score: number): string {
  if (score >= 70) return '#389e0d';
  if (score >= 40) return '#d48806';
  return '#cf1322';
}
