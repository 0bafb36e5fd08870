// An organiser follows the mail the platform sends: a registration's confirmation waits in
// the outbox (this test server has no mail server, like `make serve`), and the page says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, baseUrl, logIn, accessibilityViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('a confirmation waits in the outbox and the organiser sees it there', async () => {
  const phone = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'nl-NL' });
  const page = await phone.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByRole('link', { name: 'Eenzaamheid tussen generaties' }).click();
  await page.getByRole('link', { name: 'Aanmelden' }).click();
  await page.getByLabel('Naam').fill('Joëlle Mertens');
  await page.getByLabel('E-mailadres').fill('joelle.mertens@voorbeeld.nl');
  await page.getByRole('radio', { name: 'Bewoner' }).check();
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('heading', { name: /Je bent aangemeld|Je staat op de wachtlijst/ }).waitFor();
  await phone.close();

  const laptop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  const organiser = await laptop.newPage();
  await logIn(organiser, 'organisator@demo.kenniscafe.nl');
  await organiser.getByRole('link', { name: 'E-mail', exact: true }).click();
  await organiser.getByRole('heading', { name: 'E-mail', exact: true }).waitFor();
  assert.match(await organiser.getByRole('status').first().innerText(), /geen mailserver ingesteld/);
  const row = organiser.getByRole('row').filter({ hasText: 'Joëlle Mertens' });
  assert.match(await row.innerText(), /Eenzaamheid tussen generaties/);
  assert.match(await row.innerText(), /Aanmelding/);
  assert.equal(await organiser.getByRole('link', { name: /^Wachten/ }).getAttribute('aria-current'), 'page');
  assert.deepEqual(await accessibilityViolations(organiser), []);

  // The other lists open from their tabs, also when empty.
  await organiser.getByRole('link', { name: /^Mislukt/ }).click();
  await organiser.getByText('Hier staan geen e-mails.').waitFor();
  assert.deepEqual(await accessibilityViolations(organiser), []);
  await organiser.getByRole('link', { name: /^Verstuurd/ }).click();
  assert.equal(await organiser.getByRole('link', { name: /^Verstuurd/ }).getAttribute('aria-current'), 'page');
  assert.deepEqual(await accessibilityViolations(organiser), []);

  // A host does not get to see the mail.
  const tablet = await browser.newContext({ viewport: { width: 800, height: 1100 }, locale: 'nl-NL' });
  const host = await tablet.newPage();
  await logIn(host, 'gastvrouw@demo.kenniscafe.nl');
  const refused = await host.goto(`${baseUrl}/beheer/mail`);
  assert.equal(refused.status(), 403);
  await laptop.close();
  await tablet.close();
});
