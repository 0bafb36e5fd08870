// The knowledge library as a visitor uses it: search the demo library in Dutch, see the
// matched words marked, open a publication, and find no accessibility violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, baseUrl, accessibilityViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('a visitor searches the library and opens a publication', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByRole('link', { name: 'Kennisbank', exact: true }).click();
  await page.getByLabel('Zoek in de kennisbank').fill('huisuitzettingen');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  // The plural finds the advice that speaks of one "huisuitzetting" too.
  const results = page.locator('ol.library-hits > li');
  assert.ok(await results.count() >= 1);
  const first = results.first();
  assert.match(await first.locator('mark').first().innerText(), /huisuitzetting/i);
  assert.deepEqual(await accessibilityViolations(page), []);

  await first.getByRole('link').first().click();
  await page.waitForURL(/\/library\/\d+$/);
  assert.match(await page.locator('h1').innerText(), /huisuitzettingen/i);
  const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  assert.equal(ld['@type'], 'Report');
  assert.equal(ld.inLanguage, 'nl');
  assert.deepEqual(await accessibilityViolations(page), []);
  await context.close();
});
