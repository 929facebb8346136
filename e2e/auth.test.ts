// (1) First run and signing in: the set-up page on an empty database, then the login form.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasChromium, startE2E, type E2E } from './harness.ts';
import { WAIT, fieldError, shot, waitForPath } from './util.ts';

describe.skipIf(!hasChromium)('set-up and login pages', { timeout: 90_000 }, () => {
  let e: E2E;
  const admin = {
    org: '华信智联科技有限公司',
    name: '王建国',
    email: 'wang.jianguo@example.com',
    password: 'correct-horse-1',
  };

  // No seedOrg(): the database is empty, so the app must ask for the first organisation.
  beforeAll(async () => {
    e = await startE2E({ fresh: true });
  });
  afterAll(async () => {
    await e?.close();
  });

  test('an empty database shows the set-up form, which creates the org and signs the admin in', async () => {
    const page = await e.page();
    await page.goto('/');
    await waitForPath(page, /^\/setup$/);
    await page.getByText('系统初始化').waitFor({ timeout: WAIT });

    // Submitting nothing: every field says what is wrong, nothing is sent.
    await page.getByTestId('setup-submit').click();
    await expect.poll(() => fieldError(page, 'orgName'), { timeout: WAIT }).toBe('必填');
    await expect.poll(() => fieldError(page, 'email'), { timeout: WAIT }).toBe('请输入有效的邮箱');
    await shot(page, 'setup-empty');

    await page.locator('#orgName').fill(admin.org);
    await page.locator('#name').fill(admin.name);
    await page.locator('#email').fill(admin.email);
    // A password too easy to guess is refused under its field, with the reason.
    await page.locator('#password').fill('12345678');
    await page.getByTestId('setup-submit').click();
    await expect
      .poll(() => fieldError(page, 'password'), { timeout: WAIT })
      .toBe('过于简单：是常见密码或与常见密码相近');
    expect(new URL(page.url()).pathname).toBe('/setup');
    await shot(page, 'setup-weak-password');
    await page.locator('#password').fill(admin.password);
    await page.getByTestId('setup-submit').click();

    await waitForPath(page, /^\/accounts$/);
    await expect.poll(() => page.getByTestId('org-name').textContent(), { timeout: WAIT }).toBe(admin.org);
    await page.getByTestId('user-menu').filter({ hasText: admin.name }).waitFor({ timeout: WAIT });
    await shot(page, 'after-setup');

    // The set-up page appears only once.
    await page.goto('/setup');
    await waitForPath(page, /^\/accounts$/);
  });

  test('log out, a wrong password shows an error, the right one signs back in', async () => {
    const page = await e.page();
    await page.goto('/login');
    await page.locator('#email').fill(admin.email);
    await page.locator('#password').fill(admin.password);
    await page.getByTestId('login-submit').click();
    await waitForPath(page, /^\/accounts$/);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-logout').click();
    await waitForPath(page, /^\/login$/);
    // Signed out for real: the app itself sends us back to the login page.
    await page.goto('/contacts');
    await waitForPath(page, /^\/login$/);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/contacts');

    await page.locator('#email').fill(admin.email);
    await page.locator('#password').fill('wrong-password-9');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor({ timeout: WAIT });
    expect(await error.textContent()).toContain('邮箱或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await shot(page, 'login-wrong-password');

    await page.locator('#password').fill(admin.password);
    await page.getByTestId('login-submit').click();
    // ?next= brings the user back to where they were going.
    await waitForPath(page, /^\/contacts$/);
    await page.getByTestId('user-menu').filter({ hasText: admin.name }).waitFor({ timeout: WAIT });
    // The wrong password is reported to the owner at this sign-in, with where it came from.
    const notice = page
      .locator('.ant-notification-notice')
      .filter({ hasText: '自上次登录以来有 1 次密码错误的登录尝试' });
    await notice.waitFor({ timeout: WAIT });
    expect(await notice.textContent()).toContain('127.0.0.1');
    await shot(page, 'login-failed-attempts-notice');
  });
});
