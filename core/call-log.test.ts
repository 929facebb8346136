import { describe, expect, it } from 'vitest';
import { LOG_AHEAD_MS, tooEarlyToLog } from './call-log.ts';

describe('tooEarlyToLog', () => {
  const now = new Date('2031-03-10T02:00:00Z');
  it('allows past calls and calls up to a day ahead', () => {
    expect(tooEarlyToLog('2031-03-01T02:00:00Z', now)).toBe(false);
    expect(tooEarlyToLog(now, now)).toBe(false);
    expect(tooEarlyToLog(new Date(now.getTime() + LOG_AHEAD_MS), now)).toBe(false);
  });

  it('refuses calls more than a day ahead, whatever the offset they are written in', () => {
    expect(tooEarlyToLog(new Date(now.getTime() + LOG_AHEAD_MS + 60_000), now)).toBe(true);
    expect(tooEarlyToLog('2031-03-11T10:01:00+08:00', now)).toBe(true);
    expect(tooEarlyToLog('2031-03-11T10:00:00+08:00', now)).toBe(false);
  });
});
