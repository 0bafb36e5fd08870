// After a café a participant evaluates it on a phone without JavaScript, shares an
// experience with her consent and withdraws it; an organiser reads the results.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, baseUrl, logIn, accessibilityViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// The demo's last café of the magazine, held long ago.
async function heldCafeId() {
  const body = await (await fetch(`${baseUrl}/api/v1/events?limit=100`)).json();
  const events = Array.isArray(body) ? body : body.items;
  return events.find((e) => e.title === 'Voorkomen huisuitzettingen').id;
}

test('the evaluation form and the thanks page have no accessibility violations', async () => {
  const id = await heldCafeId();
  // axe runs as a script, so this phone has JavaScript; the pages themselves have none.
  const phone = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true });
  const page = await phone.newPage();
  for (const path of [`/events/${id}/evaluatie`, `/events/${id}/evaluatie/bedankt`]) {
    await page.goto(`${baseUrl}${path}`);
    assert.deepEqual(await accessibilityViolations(page), [], path);
  }
  await phone.close();
});

test('a participant evaluates a café and shares and withdraws an experience', async () => {
  const id = await heldCafeId();
  // Unique per run, so that a second run on the same server finds its own answer.
  const takeaway = `Wie ik kan bellen bij een huurachterstand (${Date.now()}).`;
  const phone = await browser.newContext({
    viewport: { width: 360, height: 640 }, isMobile: true, locale: 'nl-NL', javaScriptEnabled: false,
  });
  phone.setDefaultTimeout(15_000);
  const page = await phone.newPage();
  await page.goto(`${baseUrl}/events/${id}`);
  await page.getByRole('link', { name: 'Was je erbij? Geef je mening' }).click();
  // The robots' field is not there for people or screen readers.
  assert.equal(await page.getByRole('textbox', { name: 'Laat dit veld leeg' }).count(), 0);

  await page.getByRole('button', { name: 'Versturen' }).click();
  assert.match(await page.getByRole('alert').innerText(), /Kies een cijfer van 1 tot 5 sterren/);
  await page.getByLabel('4 sterren: goed').check();
  await page.getByLabel('Wat neem je mee uit dit kenniscafé?').fill(takeaway);
  await page.getByLabel('Over welk thema wil je een volgend kenniscafé?').fill('Schulden bij jongeren in Dordrecht');
  await page.getByLabel('Misschien').check();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await page.getByRole('heading', { name: 'Dank je wel!' }).waitFor();

  const quote = 'Door de vragen van anderen zag ik mijn eigen werk anders.';
  await page.getByLabel('Je ervaring').fill(quote);
  await page.getByRole('radio', { name: 'Met mijn naam en wie ik ben' }).check();
  await page.getByLabel(/^Je naam/).fill('Lotte');
  await page.getByLabel(/^Wie je bent/).fill('schuldhulpmaatje');
  await page.getByRole('button', { name: 'Ervaring delen' }).click();
  assert.match(await page.getByRole('alert').innerText(), /Zonder toestemming/);
  assert.equal(await page.getByLabel('Je ervaring').inputValue(), quote);
  await page.getByRole('checkbox', { name: /Ik geef toestemming/ }).check();
  await page.getByRole('button', { name: 'Ervaring delen' }).click();
  await page.getByRole('heading', { name: 'Je ervaring' }).waitFor();
  const ownLink = page.url();
  assert.match(ownLink, /\/ervaring\/[A-Za-z0-9_-]+$/);

  const visitor = await browser.newContext({ locale: 'nl-NL' });
  visitor.setDefaultTimeout(15_000);
  const cafe = await visitor.newPage();
  await cafe.goto(`${baseUrl}/events/${id}`);
  assert.ok(await cafe.getByText(quote).isVisible());
  assert.ok(await cafe.getByText('Lotte, schuldhulpmaatje').isVisible());

  await page.getByRole('button', { name: 'Ervaring intrekken' }).click();
  await page.getByText('Je hebt je toestemming ingetrokken.').waitFor();
  await cafe.reload();
  assert.equal(await cafe.getByText(quote).count(), 0);
  await visitor.close();
  await phone.close();

  const laptop = await browser.newContext({ locale: 'nl-NL' });
  laptop.setDefaultTimeout(15_000);
  const organiser = await laptop.newPage();
  await logIn(organiser, 'organisator@demo.kenniscafe.nl');
  await organiser.goto(`${baseUrl}/beheer/events/${id}/evaluatie`);
  await organiser.getByRole('heading', { name: 'Evaluatie' }).waitFor();
  assert.ok(await organiser.getByRole('img', { name: 'QR-code naar het evaluatieformulier' }).isVisible());
  assert.ok(await organiser.getByText(takeaway).isVisible());
  assert.deepEqual(await accessibilityViolations(organiser), []);
  await laptop.close();
});
