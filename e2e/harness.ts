// Browser tests: the app on a test database, listening on loopback, driven by Debian's
// Chromium through playwright-core. Without Chromium the browser tests are skipped — loudly.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build, type TestApp } from '../server/test/helper.ts';
import { seedOrg, type Factories } from '../server/test/factories.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `\n!!! ${CHROMIUM} not found: BROWSER TESTS ARE SKIPPED. Install it with: apt-get install -y chromium fonts-noto-cjk\n`,
  );
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
  context(opts?: {
    locale?: string;
    mobile?: boolean;
    cookie?: string;
    /** The desktop window (1366×900 unless given); a mobile context is always a 390-px phone. */
    viewport?: { width: number; height: number };
  }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

let shared: Promise<Browser> | undefined;

/**
 * One Chromium per worker, shared by its files: each file works in browser contexts of its own
 * (cookies, storage and cache apart) and closes them. Playwright kills the browser when the worker
 * process exits; one that crashed is launched again for the next file.
 */
function workerBrowser(): Promise<Browser> {
  shared ??= chromium.launch({ executablePath: CHROMIUM, args: ARGS }).then((browser) => {
    browser.on('disconnected', () => {
      shared = undefined;
    });
    return browser;
  });
  return shared;
}

/** The app listening on loopback; `fresh` gives it an empty database of its own (first-run set-up in the UI). */
export async function startE2E(opts: { fresh?: boolean } = {}): Promise<E2E> {
  // Without the bundle every page is a blank 404 and each test times out one by one; say why once.
  // OPENKAM_WEB_DIST lets a developer test a bundle built elsewhere (vite build --outDir) while web/dist is being rebuilt.
  const dist = process.env.OPENKAM_WEB_DIST ?? new URL('../web/dist', import.meta.url).pathname;
  if (!existsSync(`${dist}/index.html`)) {
    throw new Error(`${dist}/index.html is missing: run \`npm run build\` before the browser tests`);
  }
  const [t, browser] = await Promise.all([
    build({}, { serveWeb: true, database: opts.fresh ? 'fresh' : 'shared' }),
    workerBrowser(),
  ]);
  // The worker's app already listens when an earlier file started it.
  if (!t.app.server.listening) await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const contexts: BrowserContext[] = [];
  return {
    t,
    baseUrl,
    browser,
    async context(opts = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: opts.locale ?? 'zh-CN',
        // antd honours the system's "reduce motion" (buttons, drawers and messages appear without
        // transitions), which spares the tests their waits for animations.
        reducedMotion: 'reduce',
        viewport: opts.mobile ? { width: 390, height: 844 } : (opts.viewport ?? { width: 1366, height: 900 }),
        ...(opts.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      });
      contexts.push(context);
      if (opts.cookie) {
        const [name, value] = opts.cookie.split('=');
        await context.addCookies([{ name, value, url: baseUrl }]);
      }
      return { context, page: await context.newPage() };
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close()));
      await t.close();
    },
  };
}

/** Signs in through the API (documenso's apiSignin) and hands the session to the browser. */
export async function seededE2E(e: E2E): Promise<Factories> {
  return seedOrg(e.t.app);
}
