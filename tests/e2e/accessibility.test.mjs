// axe-core finds no WCAG 2.1 A/AA violations on the public pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, baseUrl, accessibilityViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function violationsOn(path) {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  const violations = await accessibilityViolations(page);
  await context.close();
  return violations;
}

async function openEventId() {
  const { items: events } = await (await fetch(`${baseUrl}/api/v1/events?when=upcoming`)).json();
  const open = events.find((e) => Date.parse(e.starts_at) > Date.now() && e.registered < e.capacity);
  return open.id;
}

test('the public agenda has no accessibility violations', async () => {
  assert.deepEqual(await violationsOn('/'), []);
});

test('an event page has no accessibility violations', async () => {
  assert.deepEqual(await violationsOn(`/events/${await openEventId()}`), []);
});

test('the registration page has no accessibility violations', async () => {
  assert.deepEqual(await violationsOn(`/events/${await openEventId()}/aanmelden`), []);
});
