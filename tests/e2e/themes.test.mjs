// The theme agenda in the browser: a resident proposes a theme from her phone, someone else
// supports it from another browser (once), and an organiser adopts it, which the public sees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, baseUrl, logIn, accessibilityViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('a proposal is supported from another browser and adopted by an organiser', async () => {
  const title = `Schulden bij zzp'ers ${Date.now() % 100000}`;
  const phone = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, locale: 'nl-NL' });
  const resident = await phone.newPage();
  await resident.goto(`${baseUrl}/`);
  await resident.getByRole('link', { name: 'Thema-agenda' }).first().click();
  await resident.getByRole('heading', { name: 'Thema-agenda' }).waitFor();
  assert.deepEqual(await accessibilityViolations(resident), []);

  // Nothing typed: the form says what is missing, in plain words.
  await resident.waitForTimeout(3200);
  await resident.getByRole('button', { name: 'Voorstel versturen' }).click();
  assert.match(await resident.getByRole('alert').innerText(), /Vul/);
  assert.deepEqual(await accessibilityViolations(resident), []);
  await resident.getByLabel('Thema', { exact: true }).fill(title);
  await resident.getByLabel('Plaats of wijk (als je dat wilt)').fill('Feijenoord');
  await resident.waitForTimeout(3200);
  await resident.getByRole('button', { name: 'Voorstel versturen' }).click();
  assert.match(await resident.getByRole('status').innerText(), /op de thema-agenda/);
  const card = resident.locator('li.card', { hasText: title });
  assert.match(await card.innerText(), /Steun: 0/);

  // Another browser supports it; a second click from that browser does not count twice.
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  const neighbour = await laptop.newPage();
  await neighbour.goto(`${baseUrl}/themes`);
  const theirCard = neighbour.locator('li.card', { hasText: title });
  await theirCard.getByRole('button', { name: /Steun dit thema/ }).click();
  assert.match(await neighbour.getByRole('status').innerText(), /Dank je wel voor je steun/);
  await neighbour.locator('li.card', { hasText: title }).getByRole('button', { name: /Steun dit thema/ }).click();
  assert.match(await neighbour.getByRole('status').innerText(), /al/);
  assert.match(await neighbour.locator('li.card', { hasText: title }).innerText(), /Steun: 1/);

  // The organiser adopts it.
  const office = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  const organiser = await office.newPage();
  await logIn(organiser, 'organisator@demo.kenniscafe.nl');
  await organiser.getByRole('link', { name: 'Thema-agenda' }).last().click();
  await organiser.getByRole('heading', { name: "Thema's", exact: true }).waitFor();
  assert.deepEqual(await accessibilityViolations(organiser), []);
  await organiser.getByRole('link', { name: title }).click();
  await organiser.getByLabel('Stand').selectOption('adopted');
  await organiser.getByRole('button', { name: 'Stand opslaan' }).click();
  assert.match(await organiser.getByRole('status').innerText(), /Opgeslagen/);
  assert.deepEqual(await accessibilityViolations(organiser), []);

  // The public sees it among the adopted themes, and no longer among the proposals.
  await resident.goto(`${baseUrl}/themes?status=adopted`);
  assert.match(await resident.locator('main').innerText(), new RegExp(title));
  await resident.goto(`${baseUrl}/themes`);
  assert.doesNotMatch(await resident.locator('main').innerText(), new RegExp(title));
  await Promise.all([phone.close(), laptop.close(), office.close()]);
});
