// A participant follows her world-café tables on her phone while the organiser starts the
// rounds on a laptop: the phone shows the new table by itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, baseUrl, logIn, accessibilityViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the phone shows the next table by itself when a round starts', async () => {
  const phone = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'nl-NL' });
  const page = await phone.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByRole('link', { name: 'Jongeren en schulden' }).click();
  await page.getByRole('link', { name: 'Aanmelden' }).click();
  await page.getByLabel('Naam').fill('Fatima El Amrani');
  await page.getByRole('radio', { name: 'Bewoner' }).check();
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('heading', { name: 'Je bent aangemeld' }).waitFor();

  const laptop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  const organiser = await laptop.newPage();
  await logIn(organiser, 'organisator@demo.kenniscafe.nl');
  const card = organiser.getByRole('listitem').filter({ hasText: 'Jongeren en schulden' });
  await card.getByRole('link', { name: 'Wereldcafé' }).click();
  await organiser.getByLabel('Aantal rondes').selectOption('2');
  await organiser.locator('#question_1').fill('Waar loop je tegenaan?');
  await organiser.locator('#question_2').fill('Wat zou helpen?');
  for (const [row, name] of ['Oranje', 'Blauw', 'Groen', 'Geel'].entries()) {
    await organiser.locator(`#table_${row + 1}_name`).fill(name);
    await organiser.locator(`#table_${row + 1}_capacity`).fill('8');
  }
  await organiser.getByRole('button', { name: 'Tafels en rondes opslaan' }).click();
  await organiser.getByRole('button', { name: 'Maak de tafelindeling' }).click();
  await organiser.getByRole('button', { name: 'Start ronde 1' }).waitFor();
  assert.deepEqual(await accessibilityViolations(organiser), []);

  // Before the café starts, she sees where she begins.
  await page.reload();
  await page.getByRole('heading', { name: 'Waar zit je?' }).waitFor();
  assert.match(await page.locator('.now-next').innerText(), /Straks, ronde 1: tafel (Oranje|Blauw|Groen|Geel)\s+Waar loop je tegenaan\?/);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'wider than the phone');
  assert.deepEqual(await accessibilityViolations(page), []);

  // The organiser starts round 1; the server pushes the news, so the phone says where she
  // sits now and next without being reloaded.
  await organiser.getByRole('button', { name: 'Start ronde 1' }).click();
  await organiser.getByRole('button', { name: 'Start ronde 2' }).waitFor();
  await page.getByText(/^Nu, ronde 1: tafel/).waitFor({ timeout: 5000 });
  assert.match(await page.locator('.now-next').innerText(), /Straks, ronde 2: tafel/);
  assert.match(await page.locator('ol.route li').first().innerText(), /Ronde 1: Tafel \S+ nu/);

  await organiser.getByRole('button', { name: 'Start ronde 2' }).click();
  await organiser.getByRole('button', { name: 'Start ronde 2' }).waitFor({ state: 'detached' });
  await page.getByText('Dit is de laatste ronde.').waitFor({ timeout: 5000 });
  assert.match(await page.locator('.now-next').innerText(), /Nu, ronde 2: tafel/);

  // A live session starts: her personal page leads her in with her group known, and the
  // session's channel on her phone tells her table too.
  await organiser.goto(organiser.url().replace(/\/wereldcafe.*$/, '/live'));
  await organiser.getByLabel('Naam van de sessie').fill('Vragen aan de zaal');
  await organiser.getByRole('button', { name: 'Sessie maken' }).click();
  await organiser.getByLabel('Soort vraag').selectOption('statement');
  await organiser.getByLabel('Vraag', { exact: true }).fill('Jongeren praten makkelijk over schulden.');
  await organiser.getByRole('button', { name: 'Vraag toevoegen' }).click();
  await organiser.getByRole('link', { name: 'Regie' }).first().click();
  await organiser.getByRole('button', { name: 'Sessie starten' }).click();
  await organiser.getByRole('button', { name: 'Vraag openen' }).click();
  await page.reload();
  await page.getByRole('link', { name: /Doe mee met de live sessie/ }).click();
  assert.equal(await page.getByLabel(/Ik ben/).count(), 0, 'the group is known from the registration');
  await page.getByRole('button', { name: 'Meedoen' }).click();
  await page.locator('[data-field="seat"]', { hasText: /Nu, ronde 2: tafel/ }).waitFor({ timeout: 5000 });
  await page.getByRole('radio', { name: 'oneens', exact: true }).check();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await page.getByText('Je antwoord is opgeslagen.').waitFor();
  assert.deepEqual(await accessibilityViolations(page), []);
  await laptop.close();
  await phone.close();
});
