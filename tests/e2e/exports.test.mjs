// An organiser exports a period's registrations from /beheer/export: the form and a café's
// attendance page with its export links have no WCAG 2.1 A/AA violations, dates in the
// wrong order come back with a Dutch message and the dates as typed, and both files download
// with real content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchBrowser, baseUrl, logIn, accessibilityViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// Submits the form and returns the downloaded file's name and bytes.
async function download(page) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Downloaden' }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('an organiser exports a period as CSV for Dutch Excel and as a workbook', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await logIn(page, 'organisator@demo.kenniscafe.nl');
  await page.getByRole('link', { name: 'Exporteren', exact: true }).click();
  await page.getByRole('heading', { name: 'Aanmeldingen exporteren' }).waitFor();
  assert.deepEqual(await accessibilityViolations(page), [], '/beheer/export');

  await page.getByLabel('Van', { exact: true }).fill('2030-01-01');
  await page.getByLabel('Tot en met').fill('2010-01-01');
  await page.getByRole('button', { name: 'Downloaden' }).click();
  await page.getByRole('alert').getByText('Deze datum ligt vóór de begindatum.').waitFor();
  assert.equal(await page.getByLabel('Van', { exact: true }).inputValue(), '2030-01-01');
  assert.equal(await page.getByLabel('Tot en met').inputValue(), '2010-01-01');
  assert.deepEqual(await accessibilityViolations(page), [], 'the form with its errors');

  await page.getByLabel('Van', { exact: true }).fill('2000-01-01');
  await page.getByLabel('Tot en met').fill('2040-12-31');
  await page.getByLabel('Puntkomma (Nederlandse Excel)').check();
  const csv = await download(page);
  assert.equal(csv.name, 'aanmeldingen-2000-01-01-tot-en-met-2040-12-31.csv');
  const text = csv.bytes.toString('utf8');
  assert.ok(text.startsWith('\uFEFFBijeenkomst;Datum;Naam;E-mail;Groep;'), text.slice(0, 80));
  assert.ok(text.split('\r\n').length > 10, 'the demo cafés have registrations');

  await page.goto(`${baseUrl}/beheer/export`);
  await page.getByLabel('Van', { exact: true }).fill('2000-01-01');
  await page.getByLabel('Tot en met').fill('2040-12-31');
  await page.getByLabel('Excel (.xlsx)').check();
  const workbook = await download(page);
  assert.match(workbook.name, /\.xlsx$/);
  // A workbook is a zip file holding the sheet.
  assert.equal(workbook.bytes.subarray(0, 2).toString('latin1'), 'PK');
  assert.ok(workbook.bytes.includes('xl/worksheets/sheet1.xml'));
  await context.close();
});

test("a café's attendance page links its exports without accessibility violations", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, 'organisator@demo.kenniscafe.nl');
  const attendance = page.getByRole('link', { name: /^Aanwezigheid/ }).first();
  await attendance.click();
  await page.getByRole('heading', { name: 'Exporteren' }).waitFor();
  assert.ok(await page.getByRole('link', { name: 'Exporteer aanmeldingen (Excel)' }).isVisible());
  assert.deepEqual(await accessibilityViolations(page), [], page.url());
  await context.close();
});
