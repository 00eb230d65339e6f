/**
 * Chromium for the portal's tests and bench (imported as @app/testing/browser, apart from the rest of
 * the kit, so tests without a browser never load Playwright).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run): browsers are never downloaded here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };
/** Where each page's screenshots are kept after a run (CI keeps the folder as the run's artifacts). */
export const ARTIFACTS = path.resolve(process.env.TEST_ARTIFACTS ?? 'test-artifacts', 'portal');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // A fake camera that shows a test pattern, and no permission prompt for it.
    args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
}

/** A phone: geolocation and camera granted, Indonesian locale, the province's time zone. */
export function phoneContext(browser: Browser, baseURL: string, position: { latitude: number; longitude: number }): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: PHONE,
    geolocation: { ...position, accuracy: 15 },
    permissions: ['geolocation', 'camera'],
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it stands. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // The callbacks run in the page, where `axe` is a global once its script is added.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
}

/**
 * The page at phone and desktop width: a screenshot of each kept under ARTIFACTS, and the axe
 * violations found at either width (the menu and tables differ between them).
 */
export async function auditPage(page: Page, name: string): Promise<AxeViolation[]> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const found: AxeViolation[] = [];
  for (const [size, viewport] of [
    ['ponsel', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(50);
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${size}.png`), fullPage: true });
    found.push(...(await seriousViolations(page)).map((v) => ({ ...v, help: `${size}: ${v.help}` })));
  }
  await page.setViewportSize(PHONE);
  return found;
}
