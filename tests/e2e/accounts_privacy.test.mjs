// Trust in the browser: an admin invites a colleague who sets her own password, and a
// resident sees, downloads and erases what is stored about her, all from her own link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchBrowser, baseUrl, logIn, accessibilityViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('an admin invites a new organiser, who sets her password once and starts working', async () => {
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  const admin = await laptop.newPage();
  await logIn(admin, 'organisator@demo.kenniscafe.nl');
  await admin.getByRole('link', { name: 'Accounts en tokens' }).click();
  await admin.getByRole('heading', { name: 'Accounts en tokens' }).waitFor();
  assert.deepEqual(await accessibilityViolations(admin), []);

  // A mistake first: the form keeps what was typed and says what is wrong.
  await admin.getByLabel('E-mailadres').fill('geen-adres');
  await admin.getByLabel('Naam', { exact: true }).fill('Fatima el Amrani');
  await admin.locator('#role').selectOption('organiser');
  await admin.getByRole('button', { name: 'Uitnodiging maken' }).click();
  await admin.getByRole('alert').waitFor();
  assert.equal(await admin.getByLabel('Naam', { exact: true }).inputValue(), 'Fatima el Amrani');
  await admin.getByLabel('E-mailadres').fill('fatima@voorbeeld.nl');
  await admin.getByRole('button', { name: 'Uitnodiging maken' }).click();
  const link = await admin.locator('#shown-link').inputValue();
  assert.match(link, /\/welkom\/[A-Za-z0-9_-]+$/);

  const phone = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, locale: 'nl-NL' });
  const invited = await phone.newPage();
  await invited.goto(link);
  await invited.getByRole('heading', { name: 'Welkom' }).waitFor();
  assert.match(await invited.locator('main').innerText(), /Organisator/);
  assert.deepEqual(await accessibilityViolations(invited), []);
  await invited.getByLabel('Nieuw wachtwoord', { exact: true }).fill('kort');
  await invited.getByRole('button', { name: 'Account maken' }).click();
  assert.match(await invited.getByRole('alert').innerText(), /te kort/);
  await invited.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een zin van vier woorden');
  await invited.getByLabel('Nieuw wachtwoord nog een keer').fill('een zin van vier woorden');
  await invited.getByRole('button', { name: 'Account maken' }).click();
  await invited.getByRole('heading', { name: 'Beheer' }).waitFor();
  assert.ok(await invited.getByRole('link', { name: 'Nieuwe bijeenkomst' }).isVisible());
  assert.equal(await invited.getByRole('link', { name: 'Accounts en tokens' }).count(), 0);
  const accounts = await invited.goto(`${baseUrl}/beheer/accounts`);
  assert.equal(accounts.status(), 403, 'an organiser is no admin');

  // The link worked once.
  const again = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
  const reused = await again.goto(link);
  assert.equal(reused.status(), 404);
  assert.match(await again.locator('main').innerText(), /al gebruikt of verlopen/);

  // The admin sees her in the list, and logging out everywhere ends her session.
  await admin.goto(`${baseUrl}/beheer/accounts`);
  assert.match(await admin.getByRole('table').first().innerText(), /fatima@voorbeeld\.nl/);
  await invited.goto(`${baseUrl}/beheer`);
  await invited.getByRole('link', { name: 'Mijn account' }).click();
  await invited.getByRole('button', { name: 'Overal uitloggen' }).click();
  await invited.getByRole('heading', { name: 'Inloggen' }).waitFor();
  await invited.goto(`${baseUrl}/beheer`);
  await invited.getByRole('heading', { name: 'Inloggen' }).waitFor();
  await laptop.close();
  await phone.close();
});

test('a resident sees, downloads and erases her data from her personal link', async () => {
  const phone = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, locale: 'nl-NL', acceptDownloads: true });
  const page = await phone.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByRole('link', { name: 'Eenzaamheid tussen generaties' }).click();
  await page.getByRole('link', { name: 'Aanmelden' }).click();
  await page.getByLabel('Naam').fill('Lotte de Vries');
  await page.getByLabel('E-mailadres').fill('lotte.devries@voorbeeld.nl');
  await page.getByRole('radio', { name: 'Bewoner' }).check();
  await page.getByLabel('Wat heb je nodig').fill('een stoel met leuning');
  await page.getByRole('checkbox', { name: /foto/ }).check();
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('heading', { name: 'Je bent aangemeld' }).waitFor();
  const personalLink = page.url();

  await page.getByRole('link', { name: 'Bekijk je gegevens' }).click();
  await page.getByRole('heading', { name: 'Jouw gegevens' }).waitFor();
  assert.match(await page.locator('main').innerText(), /een stoel met leuning/);
  assert.deepEqual(await accessibilityViolations(page), []);

  // Withdrawing is as easy as giving: one button.
  await page.getByRole('button', { name: /Toestemming intrekken: Foto/ }).click();
  await page.getByRole('button', { name: /Toestemming geven: Foto/ }).waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download je gegevens (JSON)' }).click(),
  ]);
  const data = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const registration = data.registrations[0];
  assert.equal(registration.name, 'Lotte de Vries');
  assert.equal(registration.accessibility, 'een stoel met leuning');
  assert.equal(registration.consent_photos, false);
  assert.deepEqual(registration.consents.map((c) => `${c.kind}:${c.given}`), ['photos:true', 'photos:false']);

  // Erasing asks for a tick first, then erases for good.
  await page.getByRole('button', { name: 'Wis mijn gegevens' }).click();
  assert.match(await page.getByRole('alert').innerText(), /vinkje/);
  await page.getByRole('checkbox', { name: 'Ja, wis mijn gegevens' }).check();
  await page.getByRole('button', { name: 'Wis mijn gegevens' }).click();
  await page.getByRole('heading', { name: /gewist/ }).waitFor();
  const gone = await page.goto(personalLink);
  assert.equal(gone.status(), 404);
  await phone.close();

  // Nothing of her is left for an organiser to find.
  const laptop = await browser.newContext({ locale: 'nl-NL' });
  const organiser = await laptop.newPage();
  await logIn(organiser, 'organisator@demo.kenniscafe.nl');
  await organiser.goto(`${baseUrl}/beheer/privacy`);
  assert.deepEqual(await accessibilityViolations(organiser), []);
  await organiser.getByLabel('E-mailadres', { exact: true }).fill('lotte.devries@voorbeeld.nl');
  await organiser.getByRole('button', { name: 'Zoeken' }).click();
  await organiser.getByRole('heading', { name: 'Gegevens van een persoon' }).waitFor();
  assert.match(await organiser.locator('main').innerText(), /niemand aangemeld/);
  await organiser.goto(`${baseUrl}/beheer/privacy/logboek`);
  const log = await organiser.locator('main').innerText();
  assert.match(log, /Wiste de gegevens van een persoon/);
  assert.match(log, /Bekeek de gegevens van een persoon/);
  assert.doesNotMatch(log, /Lotte/);
  await laptop.close();
});
