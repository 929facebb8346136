// Single sign-on (issue 23, item 4) in the browser, against a real OpenID Connect provider
// (oidc-provider) on loopback: an admin on a phone, in English, sets the provider up in Settings and
// tests the connection; a rep whose password the organisation no longer takes is told so on the sign-in
// page, presses 企业账号登录, signs in on the provider's own pages and lands in the app; a refused
// sign-in comes back to the sign-in page, which says why.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, seededE2E, startE2E, type E2E } from './harness.ts';
import type { Factories } from '../server/test/factories.ts';
import { startIdp, type TestIdp } from '../server/test/oidc-provider.ts';
import type { AuditPage } from '../core/schemas/audit.ts';
import type { SsoSettings } from '../core/schemas/sso.ts';
import { formatViolations, seriousViolations } from './axe.ts';
import { WAIT, pageScrollWidth, settled, shot, waitForPath } from './util.ts';

describe.skipIf(!hasChromium)('single sign-on', { timeout: 90_000 }, () => {
  let e: E2E;
  let f: Factories;
  let idp: TestIdp;

  beforeAll(async () => {
    e = await startE2E();
    f = await seededE2E(e);
    idp = await startIdp([`${e.baseUrl}/api/auth/sso/callback`]);
  });
  afterAll(async () => {
    await idp?.close();
    await e?.close();
  });

  test('an admin sets the provider up on a phone, in English, and tests the connection', async () => {
    const page = await e.page({ cookie: f.admin.cookie, mobile: true, locale: 'en' });
    await page.goto('/settings');
    const card = page.getByTestId('settings-sso');
    await card.getByText('Single sign-on (OpenID Connect)').waitFor({ timeout: WAIT });
    await settled(page);
    await card.getByTestId('sso-issuer').fill(idp.issuer);
    await card.getByTestId('sso-client-id').fill(idp.clientId);
    await card.getByTestId('sso-client-secret').fill(idp.clientSecret);
    await card.getByTestId('sso-enabled').click();
    expect(await card.getByTestId('sso-redirect-uri').innerText()).toContain(`${e.baseUrl}/api/auth/sso/callback`);

    await card.getByTestId('sso-test').click();
    await page.getByText(`Connected: ${idp.issuer}`).waitFor({ timeout: WAIT });
    await card.getByTestId('sso-save').click();
    await page.getByText('Single sign-on saved').waitFor({ timeout: WAIT });
    // The secret is gone from the page once saved; the field only says that one is set.
    await expect.poll(() => card.getByTestId('sso-client-secret').inputValue()).toBe('');
    expect(await card.getByTestId('sso-client-secret').getAttribute('placeholder')).toBe('Set; leave empty to keep it');
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'sso-settings-phone');
    const violations = await seriousViolations(page);
    expect(violations, formatViolations(violations)).toEqual([]);

    const saved = (await f.admin.get('/api/settings/sso')).json<SsoSettings>();
    expect(saved).toMatchObject({ enabled: true, issuer: idp.issuer, clientId: idp.clientId, clientSecretSet: true });
  });

  test('a rep without a password sign-in goes through the provider’s pages and lands in the app', async () => {
    const rep = await f.user({ role: 'rep', name: '单点登录代表' });
    const current = (await f.admin.get('/api/settings/sso')).json<SsoSettings>();
    const { clientSecretSet: _set, redirectUri: _uri, ...body } = current;
    expect((await f.admin.put('/api/settings/sso', { ...body, passwordLoginDisabled: true })).statusCode).toBe(200);

    const page = await e.page();
    await page.goto('/login');
    await page.locator('#email').fill(rep.email);
    await page.locator('#password').fill('secret-pass-1');
    await page.getByTestId('login-submit').click();
    await expect
      .poll(() => page.getByTestId('login-error').innerText(), { timeout: WAIT })
      .toContain('本组织已关闭密码登录');
    await shot(page, 'sso-login-password-off');

    await page.getByTestId('login-sso').click();
    // The provider's own sign-in page, the e-mail already filled in from the app.
    await page.waitForURL((u) => u.origin === idp.issuer, { timeout: WAIT });
    expect(await page.locator('input[name="login"]').inputValue()).toBe(rep.email);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await waitForPath(page, /^\/accounts$/);
    expect(new URL(page.url()).origin).toBe(e.baseUrl);
    await page.getByTestId('user-menu').filter({ hasText: '单点登录代表' }).waitFor({ timeout: WAIT });
    const log = (await f.admin.get(`/api/audit?entity=user&action=login&userId=${rep.id}`)).json<AuditPage>();
    expect(log.items[0]?.changes).toContainEqual({ field: 'method', old: null, new: 'sso' });
  });

  test('a refused sign-in comes back to the sign-in page, which says why', async () => {
    const page = await e.page({ locale: 'en' });
    const unknown = `nobody-${Date.now()}@example.org`;
    await page.goto('/login');
    await page.locator('#email').fill(unknown);
    await page.getByTestId('login-sso').click();
    await waitForPath(page, /^\/login$/);
    await expect
      .poll(() => page.getByTestId('login-error').innerText(), { timeout: WAIT })
      .toContain('Your organisation does not use single sign-on for this e-mail');
    expect(new URL(page.url()).searchParams.get('sso_error')).toBe('sso_unavailable');
    await shot(page, 'sso-login-refused');
  });
});
