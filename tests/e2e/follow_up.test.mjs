// A table host writes down her table's harvest on a phone through the link an organiser made
// for one café, without an account; the public then follows what became of the café.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, baseUrl, logIn, accessibilityViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('a host harvests from a phone through a link, and the public sees it', async () => {
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  const organiser = await laptop.newPage();
  await logIn(organiser, 'organisator@demo.kenniscafe.nl');
  const row = organiser.getByRole('row').filter({ hasText: 'Voorkomen huisuitzettingen' });
  await row.getByRole('link', { name: /^Oogst/ }).click();
  await organiser.getByRole('heading', { name: 'Oogst', exact: true }).waitFor();
  assert.deepEqual(await accessibilityViolations(organiser), []);
  const harvestPage = organiser.url();
  await organiser.getByLabel('Voor wie is de link?').fill('Gespreksgroep stellingen, Sanne');
  await organiser.getByRole('button', { name: 'Link maken' }).click();
  const link = (await organiser.locator('.notice .personal-link').innerText()).trim();
  assert.match(link, /\/oogst\/[A-Za-z0-9_-]{20,}$/);
  assert.equal(await organiser.locator('.notice svg[role="img"]').count(), 1);

  const phone = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'nl-NL' });
  const page = await phone.newPage();
  await page.goto(link);
  await page.getByRole('heading', { name: 'Oogst opschrijven' }).waitFor();
  assert.match(await page.locator('main').innerText(), /Gespreksgroep stellingen, Sanne/);
  // The demo's harvest of this café is the organiser's, not hers.
  assert.doesNotMatch(await page.locator('main').innerText(), /Laat het wijkteam eerder meedoen/);
  assert.deepEqual(await accessibilityViolations(page), []);

  // An empty text comes back with a plain message; then she writes it down properly.
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await page.getByRole('alert').waitFor();
  await page.getByLabel('Soort').selectOption({ label: 'Aanbeveling' });
  await page.getByLabel('Wat is er gezegd of bedacht?').fill('Leg de brief van de deurwaarder uit aan de keukentafel.');
  await page.getByLabel('Waar komt het vandaan?').selectOption({ label: 'Programma: 17:20 Gesprek met de wethouder' });
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await page.getByText('Leg de brief van de deurwaarder uit aan de keukentafel.').waitFor();
  assert.match(await page.locator('main').innerText(), /Programma: Gesprek met de wethouder/);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'wider than the phone');
  assert.deepEqual(await accessibilityViolations(page), []);

  // The public follow-up page of the café shows it, and the actions with their history.
  const visitor = await phone.newPage();
  await visitor.goto(`${baseUrl}/`);
  await visitor.getByRole('link', { name: 'Voorkomen huisuitzettingen' }).click();
  await visitor.getByRole('link', { name: 'Wat er uit kwam' }).click();
  await visitor.getByText('Leg de brief van de deurwaarder uit aan de keukentafel.').waitFor();
  assert.match(await visitor.locator('main').innerText(), /Een folder over de brief van de deurwaarder/);
  assert.doesNotMatch(await visitor.locator('main').innerText(), /Ik had de brief wel/);
  assert.deepEqual(await accessibilityViolations(visitor), []);
  await visitor.goto(`${baseUrl}/actions?te_laat=1`);
  await visitor.getByRole('heading', { name: 'Wat er met de kenniscafés gebeurt' }).waitFor();
  assert.match(await visitor.locator('main').innerText(), /Te laat/);
  assert.deepEqual(await accessibilityViolations(visitor), []);

  // The organiser revokes the link; the phone's page no longer opens.
  await organiser.goto(harvestPage);
  await organiser.getByRole('button', { name: /^Intrekken/ }).first().click();
  const gone = await page.goto(link);
  assert.equal(gone.status(), 404);
  await laptop.close();
  await phone.close();
});
