// An organiser writes a café's report with Markdown, previews it without saving, and the
// public reads the published report with its charts and downloads its PDF; the magazine form
// refuses a reversed period with a plain message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchBrowser, baseUrl, logIn, accessibilityViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('an organiser writes and previews a report, and the public reads it', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const organiser = await context.newPage();
  await logIn(organiser, 'organisator@demo.kenniscafe.nl');
  const row = organiser.getByRole('row').filter({ hasText: 'Verbondenheid en veerkracht' });
  await row.getByRole('link', { name: /^Verslag/ }).click();
  await organiser.getByRole('heading', { name: 'Verslag schrijven' }).waitFor();
  assert.deepEqual(await accessibilityViolations(organiser), []);

  // The demo's account is there; a preview shows new Markdown rendered and keeps it unsaved.
  const account = organiser.getByLabel('Verslag van de bijeenkomst');
  assert.match(await account.inputValue(), /geleide fantasie/);
  await account.fill('Een **warme** middag.\n\n- verhalen\n- een buffet\n\n<script>alert(1)</script>');
  await organiser.getByRole('button', { name: 'Bekijken zonder op te slaan' }).click();
  await organiser.getByRole('heading', { name: 'Voorbeeld (nog niet opgeslagen)' }).waitFor();
  const preview = organiser.locator('.report-preview');
  assert.equal(await preview.locator('strong', { hasText: 'warme' }).count(), 1);
  assert.equal(await preview.locator('li').filter({ hasText: 'een buffet' }).count(), 1);
  assert.equal(await preview.locator('script').count(), 0);
  assert.deepEqual(await accessibilityViolations(organiser), []);
  await organiser.getByRole('button', { name: 'Opslaan' }).click();
  await organiser.getByText('Het verslag is opgeslagen.').waitFor();

  // The demo's reports are public: the page shows the account, the chart and the table.
  const visitor = await context.newPage();
  await visitor.goto(`${baseUrl}/`);
  const eventId = (await organiser.url()).match(/events\/(\d+)\/verslag/)[1];
  await visitor.goto(`${baseUrl}/events/${eventId}/verslag`);
  await visitor.getByRole('heading', { name: /Verslag: Verbondenheid en veerkracht/ }).waitFor();
  const main = await visitor.locator('main').innerText();
  assert.match(main, /Een warme middag/);
  assert.match(main, /Wie waren er\?/);
  assert.equal(await visitor.locator('svg[role="img"]').count() >= 1, true);
  assert.deepEqual(await accessibilityViolations(visitor), []);
  const [download] = await Promise.all([
    visitor.waitForEvent('download'),
    visitor.getByRole('link', { name: 'Verslag downloaden (PDF)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.pdf$/);

  // The magazine form: a reversed period comes back with a message at the field.
  await organiser.goto(`${baseUrl}/beheer/magazine`);
  await organiser.getByRole('heading', { name: 'Magazine maken' }).waitFor();
  assert.deepEqual(await accessibilityViolations(organiser), []);
  await organiser.getByLabel('Van', { exact: true }).fill('2019-06-01');
  await organiser.getByLabel('Tot en met', { exact: true }).fill('2018-01-01');
  await organiser.getByRole('button', { name: 'Magazine downloaden' }).click();
  await organiser.getByRole('alert').waitFor();
  assert.match(await organiser.locator('main').innerText(), /De einddatum ligt voor de begindatum/);
  assert.deepEqual(await accessibilityViolations(organiser), []);
  await context.close();
});

test('on an old phone a report shows live results by group, and the magazine page is accessible', async () => {
  const organiserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const organiser = await organiserContext.newPage();
  await logIn(organiser, 'organisator@demo.kenniscafe.nl');
  const row = organiser.getByRole('row').filter({ hasText: 'Samenwerking mbo en hbo' });
  await row.getByRole('link', { name: /^Verslag/ }).click();
  await organiser.getByRole('heading', { name: 'Verslag schrijven' }).waitFor();
  const eventId = (await organiser.url()).match(/events\/(\d+)\/verslag/)[1];

  // The demo's statements were answered by visitors of several groups: the report breaks the
  // answers down by the groups large enough to show, and says that smaller ones are left out.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const visitor = await phone.newPage();
  await visitor.goto(`${baseUrl}/events/${eventId}/verslag`);
  const table = visitor.getByRole('table', { name: 'In een wijkteam is duidelijk wie wat doet.' });
  await table.waitFor();
  const headers = await table.getByRole('columnheader').allInnerTexts();
  assert.deepEqual(headers.map((text) => text.trim()),
    ['Antwoord', 'Uitvoeringspraktijk', 'Docent(onderzoeker)', 'Student', 'Totaal']);
  assert.match(await table.getByRole('row', { name: /^oneens/ }).innerText(), /minder dan 5/);
  await visitor.getByText('Groepen met minder dan 5 deelnemers staan niet apart in de tabel.', { exact: false }).first().waitFor();
  const overflow = await visitor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px on a 360px phone`);
  assert.deepEqual(await accessibilityViolations(visitor), []);

  // The magazine as one HTML file, opened as a reader would open it.
  await organiser.goto(`${baseUrl}/beheer/magazine`);
  await organiser.getByLabel('Van', { exact: true }).fill('2018-01-01');
  await organiser.getByLabel('Tot en met', { exact: true }).fill('2019-12-31');
  await organiser.getByLabel('Webpagina (HTML)').check();
  const [download] = await Promise.all([
    organiser.waitForEvent('download'),
    organiser.getByRole('button', { name: 'Magazine downloaden' }).click(),
  ]);
  const magazine = await phone.newPage();
  await magazine.setContent(await readFile(await download.path(), 'utf8'));
  await magazine.getByRole('heading', { level: 1 }).first().waitFor();
  assert.match(await magazine.locator('body').innerText(), /In een wijkteam is duidelijk wie wat doet\./);
  assert.deepEqual(await accessibilityViolations(magazine), []);
  await phone.close();
  await organiserContext.close();
});
