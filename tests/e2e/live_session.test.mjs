// A live session as a room meets it: the organiser prepares a question and opens the screen
// for the beamer on a laptop; a resident joins on her phone by typing the code, answers, and
// the screen shows the answer counted and, once revealed, the result. The phone's page has
// no accessibility violations, and works without JavaScript too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, baseUrl, logIn, accessibilityViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function prepareSession(organiser, title) {
  await logIn(organiser, 'organisator@demo.kenniscafe.nl');
  const card = organiser.getByRole('listitem').filter({ hasText: 'Jongeren en schulden' });
  await card.getByRole('link', { name: 'Live sessie' }).click();
  await organiser.getByLabel('Naam van de sessie').fill(title);
  await organiser.getByRole('button', { name: 'Sessie maken' }).click();
  await organiser.getByLabel('Soort vraag').selectOption('choice');
  await organiser.getByLabel('Vraag', { exact: true }).fill('Waar praat u het liefst over geldzorgen?');
  await organiser.getByLabel(/Antwoorden om uit te kiezen/).fill('Thuis\nBij de huisarts\nIn de wijk');
  await organiser.getByRole('button', { name: 'Vraag toevoegen' }).click();
  await organiser.getByRole('listitem').filter({ hasText: 'Waar praat u het liefst' }).waitFor();
  assert.deepEqual(await accessibilityViolations(organiser), []);
  const code = (await organiser.locator('.lead .code').innerText()).replace(/\s/g, '');
  await organiser.getByRole('link', { name: 'Regie' }).first().click();
  await organiser.getByRole('button', { name: 'Sessie starten' }).click();
  await organiser.getByRole('button', { name: 'Vraag openen' }).click();
  await organiser.getByRole('button', { name: 'Vraag sluiten' }).waitFor();
  assert.deepEqual(await accessibilityViolations(organiser), []);
  return code;
}

test('a phone joins by code and answers while the screen counts it and shows the result', async () => {
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
  const organiser = await laptop.newPage();
  const code = await prepareSession(organiser, 'Peiling geldzorgen');
  const controlUrl = organiser.url();
  const screen = await laptop.newPage();
  await screen.goto(controlUrl.replace(/\/regie$/, '/scherm'));
  await screen.getByText(code.slice(0, 3) + ' ' + code.slice(3)).waitFor();
  await screen.getByRole('heading', { name: 'Waar praat u het liefst over geldzorgen?' }).waitFor();
  assert.deepEqual(await accessibilityViolations(screen), []);

  const phoneContext = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, locale: 'nl-NL' });
  const phone = await phoneContext.newPage();
  await phone.goto(`${baseUrl}/live`);
  assert.deepEqual(await accessibilityViolations(phone), []);
  await phone.getByLabel('Code').fill(code.toLowerCase().slice(0, 3) + ' ' + code.toLowerCase().slice(3));
  await phone.getByRole('button', { name: 'Meedoen' }).click();
  await phone.getByLabel(/Ik ben/).selectOption({ label: 'Bewoner' });
  await phone.getByLabel(/Schuilnaam/).fill('Fatima');
  assert.deepEqual(await accessibilityViolations(phone), []);
  await phone.getByRole('button', { name: 'Meedoen' }).click();
  await phone.getByRole('radio', { name: 'In de wijk' }).check();
  assert.deepEqual(await accessibilityViolations(phone), []);
  await phone.getByRole('button', { name: 'Versturen' }).click();
  await phone.getByText('Je antwoord is opgeslagen.').waitFor();
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'wider than the phone');

  // The screen counts it by itself, but keeps the result hidden until it is revealed.
  await screen.locator('[data-field="participants"]', { hasText: '1' }).waitFor();
  await screen.getByText(/Antwoorden: 1/).waitFor();
  assert.match(await screen.locator('[data-field="results"]').innerText(), /De uitkomst komt straks/);

  await organiser.getByRole('button', { name: 'Uitkomst tonen' }).click();
  await screen.locator('[data-field="results"] svg').waitFor();
  assert.match(await screen.locator('[data-field="results"] svg desc').textContent(), /In de wijk/);
  // The phone shows the same chart by itself.
  await phone.locator('[data-field="results"] svg').waitFor({ timeout: 5000 });
  assert.deepEqual(await accessibilityViolations(phone), []);
  await laptop.close();
  await phoneContext.close();
});

test('without JavaScript a phone still joins and answers with plain forms', async () => {
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
  const organiser = await laptop.newPage();
  const code = await prepareSession(organiser, 'Peiling zonder script');
  const phoneContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 640 }, locale: 'nl-NL' });
  const phone = await phoneContext.newPage();
  await phone.goto(`${baseUrl}/live/${code}`);
  await phone.getByRole('button', { name: 'Meedoen' }).click();
  await phone.getByRole('radio', { name: 'Thuis' }).check();
  await phone.getByRole('button', { name: 'Versturen' }).click();
  await phone.getByText('Je antwoord is opgeslagen.').waitFor();
  await phone.getByRole('radio', { name: 'Bij de huisarts' }).check();
  await phone.getByRole('button', { name: 'Antwoord wijzigen' }).click();
  await phone.getByText('Je antwoord is opgeslagen.').waitFor();
  assert.ok(await phone.getByRole('radio', { name: 'Bij de huisarts' }).isChecked());
  await organiser.reload();
  assert.match(await organiser.locator('main').innerText(), /Antwoorden: 2/);
  await laptop.close();
  await phoneContext.close();
});
