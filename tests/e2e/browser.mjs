// Debian's Chromium, started the way this machine allows: headless, no sandbox as
// root, and without the background traffic the closed network would refuse.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const baseUrl = process.env.KC_BASE_URL ?? 'http://127.0.0.1:8080';

export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // The site answers in the browser's language, and the tests read Dutch: every context
  // asks for Dutch unless a test asks for another language, whatever the machine's locale.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ locale: 'nl-NL', ...options });
  return browser;
}

// Logs a demo account in on `page` and waits for the dashboard.
export async function logIn(page, email) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill('demo-kenniscafe');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { name: 'Beheer' }).waitFor();
}

// The WCAG 2.1 A and AA rules axe-core finds broken on the page, one line each; empty when
// none. axe must really have looked: a page it could not check has no passes either.
export async function accessibilityViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  if (results.passes.length <= 10) return [`axe checked only ${results.passes.length} rules on ${page.url()}`];
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
