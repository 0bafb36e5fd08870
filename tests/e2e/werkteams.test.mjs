// An organiser adds a meeting to a demo werkteam; the public sees it on the team's page, the
// team's pages have no WCAG 2.1 A/AA violations, and a bad meeting comes back with its text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, baseUrl, logIn, accessibilityViolations } from './browser.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function demoTeam(name) {
  const list = await (await fetch(`${baseUrl}/api/v1/werkteams?limit=50`)).json();
  const team = list.items.find((t) => t.name === name);
  assert.ok(team, `the demo has ${name}`);
  return team;
}

test('the werkteam pages have no accessibility violations', async () => {
  const team = await demoTeam('Werkteam Informeel-formeel');
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true });
  const page = await context.newPage();
  for (const path of ['/werkteams', `/werkteams/${team.id}`]) {
    await page.goto(`${baseUrl}${path}`);
    assert.deepEqual(await accessibilityViolations(page), [], path);
  }
  await logIn(page, 'organisator@demo.kenniscafe.nl');
  for (const path of ['/beheer/werkteams', `/beheer/werkteams/${team.id}`, '/beheer/werkteams/nieuw']) {
    await page.goto(`${baseUrl}${path}`);
    assert.deepEqual(await accessibilityViolations(page), [], path);
  }
  await context.close();
});

test('an organiser records a learning circle that the public then sees', async () => {
  const team = await demoTeam('Werkteam Verbondenheid en Veerkracht');
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, 'organisator@demo.kenniscafe.nl');
  await page.goto(`${baseUrl}/beheer/werkteams/${team.id}`);
  const form = page.locator('form[action$="/bijeenkomsten"]');
  await form.getByLabel('Soort bijeenkomst').selectOption('leerkring');
  await form.getByLabel('Datum').fill('2019-11-21');
  await form.getByLabel('Wat kwam er uit?').fill('Wat helpt tegen eenzaamheid in Barendrecht?');
  await form.getByLabel('Bewoner').fill('veel');
  await form.getByRole('button', { name: 'Bijeenkomst toevoegen' }).click();
  // A count that is not a number comes back with the text as typed and a plain message.
  await page.getByText('Vul een aantal in van 1 tot 10000').first().waitFor();
  assert.equal(await page.locator('#meeting_summary').inputValue(),
    'Wat helpt tegen eenzaamheid in Barendrecht?');
  await page.locator('form[action$="/bijeenkomsten"]').getByLabel('Bewoner').fill('6');
  await page.locator('form[action$="/bijeenkomsten"]')
    .getByRole('button', { name: 'Bijeenkomst toevoegen' }).click();
  await page.waitForURL(/#meeting$/);

  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto(`${baseUrl}/werkteams/${team.id}`);
  const meeting = publicPage.getByRole('listitem').filter({ hasText: 'Wat helpt tegen eenzaamheid in Barendrecht?' });
  await meeting.waitFor();
  assert.match(await meeting.innerText(), /Leerkring – 21 november 2019/);
  assert.match(await meeting.innerText(), /Bewoner 6/);
  await visitor.close();
  await context.close();
});
