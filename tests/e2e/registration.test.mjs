// A resident registers for a café on a phone, and a host checks her in on a tablet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, baseUrl, logIn, accessibilityViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// Nothing on the page is wider than the phone, so nobody has to scroll sideways.
async function fitsTheScreen(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test('a resident registers on a phone and the host checks her in', async () => {
  const phone = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'nl-NL' });
  const page = await phone.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByRole('link', { name: 'Eenzaamheid tussen generaties' }).click();
  assert.ok(await fitsTheScreen(page), 'the event page is wider than the phone');
  await page.getByRole('link', { name: 'Aanmelden' }).click();

  // Sending the empty form first shows what is missing, without losing anything.
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await assert.doesNotReject(page.getByRole('alert').waitFor());
  assert.match(await page.getByRole('alert').innerText(), /Vul dit in/);

  await page.getByLabel('Naam').fill('Sanne Kuipers');
  await page.getByLabel('E-mailadres').fill('sanne.kuipers@voorbeeld.nl');
  await page.getByRole('radio', { name: 'Bewoner' }).check();
  await page.getByLabel('Eten en drinken').fill('vegetarisch');
  await page.getByRole('checkbox', { name: /mailen/ }).check();
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('heading', { name: 'Je bent aangemeld' }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Aanmelding annuleren' }).isVisible());
  assert.ok(await fitsTheScreen(page), 'the confirmation is wider than the phone');
  await phone.close();

  const tablet = await browser.newContext({ viewport: { width: 800, height: 1100 }, locale: 'nl-NL' });
  const door = await tablet.newPage();
  await logIn(door, 'gastvrouw@demo.kenniscafe.nl');
  const card = door.getByRole('listitem').filter({ hasText: 'Eenzaamheid tussen generaties' });
  await card.getByRole('link', { name: 'Inchecken' }).click();
  await door.getByLabel('Zoek op naam of organisatie').fill('sanne');
  await door.getByRole('button', { name: 'Zoeken' }).click();
  await door.getByRole('button', { name: 'Inchecken: Sanne Kuipers' }).click();
  await door.getByRole('button', { name: 'Ongedaan maken: Sanne Kuipers' }).waitFor();
  assert.match(await door.locator('li.person.present').first().innerText(), /Sanne Kuipers/);
  assert.deepEqual(await accessibilityViolations(door), []);

  // The host shows her a QR code; her phone's camera reads it and opens her personal page.
  await door.getByRole('link', { name: 'QR-code voor de telefoon: Sanne Kuipers' }).click();
  await door.getByRole('heading', { name: 'Sanne Kuipers' }).waitFor();
  assert.deepEqual(await accessibilityViolations(door), []);
  const picture = join(tmpdir(), `kc-qr-${process.pid}.png`);
  await door.locator('.big-qr svg').screenshot({ path: picture });
  const scanned = execFileSync('zbarimg', ['--raw', '-q', picture], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  rmSync(picture);
  assert.match(scanned, /\/aanmelding\/[A-Za-z0-9_-]+$/);
  const phone2 = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, locale: 'nl-NL' });
  const scannedPage = await phone2.newPage();
  await scannedPage.goto(scanned);
  assert.match(await scannedPage.locator('main').innerText(), /Sanne Kuipers/);
  await phone2.close();
  await tablet.close();
});
