// Every path that sets a password refuses one too easy to guess, naming the field and the reason in zh and en (issue 19, item 11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { build, type TestApp } from '../../test/helper.ts';
import { PASSWORD, seedOrg, type Factories } from '../../test/factories.ts';
import type { User } from '../../../core/schemas/org.ts';
import type { ErrorBody } from '../../../core/schemas/common.ts';

let t: TestApp;
let f: Factories;
let setupWeak: LightMyRequestResponse[];
beforeAll(async () => {
  // Set-up is tried first, which only an empty database accepts.
  t = await build({}, { database: 'fresh' });
  // Set-up first, on the empty database: each weak password is refused and nothing is created.
  setupWeak = [];
  for (const password of ['password', '12345678', '        ', 'aaaaaaaa']) {
    setupWeak.push(
      await t.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { orgName: '华信智联', name: '王建国', email: 'wang@example.com', password },
      }),
    );
  }
  f = await seedOrg(t.app);
});
afterAll(() => t.close());

const refused = (res: LightMyRequestResponse, path: string) => {
  expect(res.statusCode, res.body).toBe(400);
  const body = res.json<ErrorBody>();
  expect(body.code).toBe('validation');
  expect(body.fields?.map((x) => x.path)).toEqual([path]);
  return body.fields![0];
};

describe('new passwords are checked for strength', () => {
  it('set-up refuses password, 12345678, eight spaces and aaaaaaaa, with the reason in zh and en', async () => {
    const [common, digits, spaces, repeated] = setupWeak.map((res) => refused(res, 'password'));
    expect(common).toMatchObject({
      path: 'password',
      code: 'password_common',
      messages: {
        zh: 'password：过于简单：是常见密码或与常见密码相近',
        en: 'password is too easy to guess: it is or resembles a common password',
      },
    });
    expect(digits.code).toBe('password_common');
    expect(spaces).toMatchObject({ path: 'password', code: 'password_repeated' });
    expect(repeated.messages).toEqual({
      zh: 'password：过于简单：重复同一字符或片段（如 aaaaaaaa）',
      en: 'password is too easy to guess: it repeats characters (like aaaaaaaa)',
    });
    // Nothing was set up by the refused attempts: the factories' set-up went through afterwards.
    expect((await f.admin.get('/api/auth/me')).json()).toMatchObject({ orgName: '测试公司' });
  });

  it('an admin creating or resetting a user is refused a weak password', async () => {
    const created = await f.admin.post('/api/users', {
      email: 'li.ming@example.com',
      name: '李明',
      password: 'aaaaaaaa',
      role: 'rep',
    });
    expect(refused(created, 'password')).toMatchObject({ path: 'password', code: 'password_repeated' });
    const personal = await f.admin.post('/api/users', {
      email: 'li.ming@example.com',
      name: '李明',
      password: 'li.ming@example.com',
      role: 'rep',
    });
    expect(refused(personal, 'password').code).toBe('password_personal');
    expect(
      (await f.admin.get('/api/users')).json<{ items: User[] }>().items.some((u) => u.email === 'li.ming@example.com'),
    ).toBe(false);

    const u = await f.user();
    const reset = await f.admin.patch(`/api/users/${u.id}`, { version: u.version, password: 'password' });
    expect(refused(reset, 'password').code).toBe('password_common');
    // Not reset: the old password still signs in, and the session lives on.
    expect((await u.client.get('/api/auth/me')).statusCode).toBe(200);
    expect(
      (await f.admin.patch(`/api/users/${u.id}`, { version: u.version, password: 'reset-by-admin' })).statusCode,
    ).toBe(200);
  });

  it('a user changing their own password is refused a weak one, on newPassword', async () => {
    const u = await f.user();
    const res = await u.client.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: '12345678' });
    expect(refused(res, 'newPassword')).toMatchObject({ path: 'newPassword', code: 'password_common' });
    const en = await u.client.request(
      'POST',
      '/api/auth/password',
      { currentPassword: PASSWORD, newPassword: 'qwertyuiop' },
      { 'accept-language': 'en' },
    );
    expect(refused(en, 'newPassword').message).toBe(
      'newPassword: is too easy to guess: it is or resembles a common password',
    );
    // The wrong current password is still named first.
    const wrong = await u.client.post('/api/auth/password', {
      currentPassword: 'not-mine-at-all',
      newPassword: '12345678',
    });
    expect(refused(wrong, 'currentPassword').code).toBe('wrong_password');
    expect(
      (await u.client.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'brand-new-pass' }))
        .statusCode,
    ).toBe(200);
  });
});
