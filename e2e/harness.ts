// Browser tests: the app on a test database, listening on loopback, driven by Debian's
// Chromium through playwright-core. Without Chromium the browser tests are skipped — loudly.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
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
  // No TurboFan: a test's page lives seconds, too short for its optimised code to repay compiling
  // it (measured: ~6-20% less browser CPU per file; Maglev still runs).
  '--js-flags=--max-opt=2',
];

export interface PageOptions {
  /** `name=value` of a session: the page is signed in as that user. */
  cookie?: string;
  /** Drives navigator.language, so the UI's default language. */
  locale?: string;
  /** A 390 × 844 touch screen instead of a 1366 × 900 desktop. */
  mobile?: boolean;
  /** The browser's time zone (IANA name); the machine's when absent. */
  timezoneId?: string;
  /** The desktop window (1366×900 unless given); a mobile page is always a 390-px phone. */
  viewport?: { width: number; height: number };
}

export interface E2E {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /**
   * A clean page, signed in as `cookie` (or not at all), in a browser context this worker reuses.
   * Prefer it to context(): a new context compiles the whole bundle again with a cold cache, seconds
   * of CPU for its first page load. Use context() only to change the context itself (routes, init
   * scripts, permissions, geolocation, offline) — never through page.context() of this page.
   *
   * Called inside a test, the page is the test's until the test finishes; called outside one
   * (beforeAll), it is the file's until close(). Then it is closed, and the context is wiped before
   * anyone gets it again: cookies, permissions and all the app's origin stored (local storage,
   * IndexedDB, cache storage). Session storage, page listeners, routes and emulation go with the page.
   * Kept on purpose: the HTTP cache, which holds only the bundle's hashed assets (API responses carry
   * nothing a browser caches).
   */
  page(opts?: PageOptions): Promise<Page>;
  /** A new browser context of its own, closed by close(); for tests that change the context. */
  context(opts?: PageOptions): Promise<{ context: BrowserContext; page: Page }>;
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

function contextOptions(baseUrl: string, opts: PageOptions) {
  return {
    baseURL: baseUrl,
    locale: opts.locale ?? 'zh-CN',
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
    // antd honours the system's "reduce motion" (buttons, drawers and messages appear without
    // transitions), which spares the tests their waits for animations.
    reducedMotion: 'reduce' as const,
    viewport: opts.mobile ? { width: 390, height: 844 } : (opts.viewport ?? { width: 1366, height: 900 }),
    ...(opts.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  };
}

async function signIn(context: BrowserContext, baseUrl: string, cookie: string | undefined): Promise<void> {
  if (!cookie) return;
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name, value, url: baseUrl }]);
}

/**
 * The worker's idle contexts, by what is fixed when one is made (origin, language, zone, screen).
 * They outlive a file, so the next file on the worker's app starts with the bundle in the cache.
 */
const idle = new Map<string, BrowserContext[]>();

/** A context from the pool, wiped of whatever its last user left, or a new one. */
async function takeContext(browser: Browser, baseUrl: string, opts: PageOptions): Promise<BrowserContext> {
  const key = JSON.stringify([
    baseUrl,
    opts.locale ?? 'zh-CN',
    !!opts.mobile,
    opts.timezoneId ?? '',
    opts.viewport ? `${opts.viewport.width}x${opts.viewport.height}` : '',
  ]);
  let free = idle.get(key);
  if (!free) idle.set(key, (free = []));
  const reused = free.pop();
  if (!reused) {
    const context = await browser.newContext(contextOptions(baseUrl, opts));
    context.on('close', () => {
      const i = free.indexOf(context);
      if (i >= 0) free.splice(i, 1);
    });
    return Object.assign(context, { [POOL]: free });
  }
  await reused.clearCookies();
  await reused.clearPermissions();
  const blank = await reused.newPage();
  const cdp = await reused.newCDPSession(blank);
  await cdp.send('Storage.clearDataForOrigin', { origin: baseUrl, storageTypes: 'all' });
  await cdp.detach();
  await blank.close();
  return reused;
}
const POOL = Symbol('pool');

/** Closes the context's pages (and with them everything page-level a test set up) and makes it idle. */
async function giveBack(context: BrowserContext): Promise<void> {
  const free = (context as BrowserContext & { [POOL]?: BrowserContext[] })[POOL];
  await Promise.all(context.pages().map((p) => p.close()));
  if (free && !free.includes(context)) free.push(context);
}

/** Whether the caller runs inside a test (then onTestFinished can end the lease with it). */
function inTest(): boolean {
  try {
    onTestFinished(() => undefined);
    return true;
  } catch {
    return false;
  }
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
  const fileLeases: BrowserContext[] = [];
  return {
    t,
    baseUrl,
    browser,
    async page(opts = {}) {
      const context = await takeContext(browser, baseUrl, opts);
      if (inTest()) onTestFinished(() => giveBack(context));
      else fileLeases.push(context);
      await signIn(context, baseUrl, opts.cookie);
      return context.newPage();
    },
    async context(opts = {}) {
      const context = await browser.newContext(contextOptions(baseUrl, opts));
      contexts.push(context);
      await signIn(context, baseUrl, opts.cookie);
      return { context, page: await context.newPage() };
    },
    async close() {
      await Promise.all([...contexts.map((c) => c.close()), ...fileLeases.map(giveBack)]);
      // An app of the file's own stops listening now: contexts kept for its address serve no one.
      if (opts.fresh) {
        for (const [key, free] of idle) {
          if (JSON.parse(key)[0] === baseUrl) await Promise.all(free.map((c) => c.close()));
        }
      }
      await t.close();
    },
  };
}

/** Signs in through the API (documenso's apiSignin) and hands the session to the browser. */
export async function seededE2E(e: E2E): Promise<Factories> {
  return seedOrg(e.t.app);
}
