// Debian's Chromium, started the way this machine allows: headless, no sandbox as
// root, and without the background traffic the closed network would refuse.
import { chromium } from 'playwright-core';

export const baseUrl = process.env.KC_BASE_URL ?? 'http://127.0.0.1:8080';

export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Logs a demo account in on `page` and waits for the dashboard.
export async function logIn(page, email) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill('demo-kenniscafe');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { name: 'Beheer' }).waitFor();
}
