// Browser tests: the app on a fresh test database, listening on loopback, driven by Debian's
// Chromium through playwright-core. Without Chromium the browser tests are skipped — loudly.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build, type TestApp } from '../server/test/helper.ts';
import { seedOrg, type Factories } from '../server/test/factories.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`\n!!! ${CHROMIUM} not found: BROWSER TESTS ARE SKIPPED. Install it with: apt-get install -y chromium fonts-noto-cjk\n`);
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface E2E {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A new browser context (own cookies); `locale` drives navigator.language, so the UI's default language. */
  context(opts?: { locale?: string; mobile?: boolean; cookie?: string }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  // Without the bundle every page is a blank 404 and each test times out one by one; say why once.
  // OPENKAM_WEB_DIST lets a developer test a bundle built elsewhere (vite build --outDir) while web/dist is being rebuilt.
  const dist = process.env.OPENKAM_WEB_DIST ?? new URL('../web/dist', import.meta.url).pathname;
  if (!existsSync(`${dist}/index.html`)) {
    throw new Error(`${dist}/index.html is missing: run \`npm run build\` before the browser tests`);
  }
  const t = await build({}, { serveWeb: true });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    t,
    baseUrl,
    browser,
    async context(opts = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: opts.locale ?? 'zh-CN',
        viewport: opts.mobile ? { width: 390, height: 844 } : { width: 1366, height: 900 },
        ...(opts.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      });
      if (opts.cookie) {
        const [name, value] = opts.cookie.split('=');
        await context.addCookies([{ name, value, url: baseUrl }]);
      }
      return { context, page: await context.newPage() };
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** Signs in through the API (documenso's apiSignin) and hands the session to the browser. */
export async function seededE2E(e: E2E): Promise<Factories> {
  return seedOrg(e.t.app);
}
