// The organisation's time zone on the settings page: read by anyone signed in, set by an admin,
// checked against the IANA names with a 400 that names the field in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type TestApp } from '../../test/helper.ts';
import { seedOrg, type Factories } from '../../test/factories.ts';
import { localDate } from '../../../core/time.ts';

let t: TestApp;
let f: Factories;
beforeAll(async () => {
  t = await build();
  f = await seedOrg(t.app);
});
afterAll(() => t.close());

describe('organisation time zone', () => {
  it('is Asia/Shanghai until an admin sets another, which then names the days', async () => {
    expect((await f.admin.get('/api/settings/time-zone')).json()).toEqual({ timeZone: 'Asia/Shanghai' });
    const put = await f.admin.put('/api/settings/time-zone', { timeZone: 'America/New_York' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ timeZone: 'America/New_York' });
    const rep = await f.user({ name: '看时区的人' });
    expect((await rep.client.get('/api/settings/time-zone')).json()).toEqual({ timeZone: 'America/New_York' });
    // The snapshot is dated by the organisation's day, now New York's.
    const snap = await f.admin.post('/api/pipeline/snapshots', {});
    expect(snap.json().date).toBe(localDate(new Date(), 'America/New_York'));
    await f.admin.put('/api/settings/time-zone', { timeZone: 'Asia/Shanghai' });
  });

  it('refuses an unknown zone with a 400 naming the field, and a rep', async () => {
    for (const timeZone of ['Mars/Olympus', 'UTC+8 ', '']) {
      const res = await f.admin.put('/api/settings/time-zone', { timeZone });
      expect(res.statusCode, timeZone).toBe(400);
      const field = res.json().fields[0];
      expect(field.path).toBe('timeZone');
      expect(field.messages.zh).toContain('timeZone');
      expect(field.messages.en).toContain('timeZone');
    }
    const bad = (await f.admin.put('/api/settings/time-zone', { timeZone: 'Mars/Olympus' })).json().fields[0];
    expect(bad.messages).toEqual({
      zh: 'timeZone：不是已知的时区，请选择 IANA 时区名（如 Asia/Shanghai）',
      en: 'timeZone is not a known time zone; pick an IANA zone name such as Asia/Shanghai',
    });
    const rep = await f.user({ name: '不能改时区' });
    expect((await rep.client.put('/api/settings/time-zone', { timeZone: 'Asia/Tokyo' })).statusCode).toBe(403);
    expect((await f.admin.get('/api/settings/time-zone')).json()).toEqual({ timeZone: 'Asia/Shanghai' });
  });
});
