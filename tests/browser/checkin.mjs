// Copyright 2026 The okrd Authors.
//
// A person's weekly check-in in headless Chromium: sign in on /login, fill
// the weekly check-in form on their person page (value, confidence and the
// four questions for their first key result), submit it, and see it: the
// confirmation, the answers on the objective page's history, and in their
// iCalendar feed (the KR listed as at risk, today's date as the last
// check-in). No console errors, no failed or external requests.
//
//   node tests/browser/checkin.mjs PORT ARTIFACT_DIR OKRD_BINARY CONFIG

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [port, artifacts, okrd, config] = process.argv.slice(2);
if (!config) {
  console.error('usage: checkin.mjs PORT ARTIFACT_DIR OKRD_BINARY CONFIG');
  process.exit(2);
}
const origin = `http://127.0.0.1:${port}`;
const failures = [];
const fail = (message) => { failures.push(message); console.error(`FAIL ${message}`); };
const check = (condition, message) => { if (!condition) fail(message); };
const run = (args, input) => execFileSync(okrd, ['--config', config, ...args],
                                          { input, encoding: 'utf8' });

// A person with a manager (so their feed has one-on-ones about their
// objectives) who owns an objective of the current cycle and its first key
// result; they get an account.
const get = async (resource) => (await fetch(`${origin}/api/v1/${resource}`)).json();
const { people } = await get('people');
const managed = new Set(people.filter((p) => p.manager).map((p) => p.email));
const { objectives } = await get('objectives');
let kr = null;
for (const o of objectives) {
  if (!o.owner || !managed.has(o.owner)) continue;
  kr = o.key_results.find((k) => k.owner === o.owner);
  if (kr) break;
}
if (!kr) throw new Error('no suitable key result in the example');
const email = kr.owner;
const password = 'correct horse battery staple';
run(['user', 'add', email], `${password}\n`);
const feed = run(['feeds', 'rotate', email, '--base-url', origin])
  .split('\n').map((l) => l.trim()).find((l) => l.startsWith(`${origin}/feeds/`));
check(feed, 'feeds rotate printed an http URL');

const plans = `Pilot with two clinics <b>bold</b> & "quoted" ${Date.now()}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') fail(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => fail(`page error: ${e.message}`));
  page.on('requestfailed', (r) => fail(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) fail(`external request ${r.url()}`);
  });

  const personPath = `/people/${encodeURIComponent(email)}`;
  await page.goto(`${origin}/login?next=${encodeURIComponent(personPath)}`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForNavigation(), page.locator('form button[type="submit"], form input[type="submit"]').first().click()]);
  if (!page.url().includes(personPath)) await page.goto(origin + personPath);
  check(page.url().includes(personPath), `after login on the person page (${page.url()})`);

  const form = page.locator('form[action$="/check-ins"]');
  check(await form.isVisible(), 'the weekly check-in form is shown to its owner');
  // Find the fieldset of our KR.
  const index = await page.locator('input[type="hidden"][name^="kr."]').evaluateAll(
    (inputs, key) => inputs.findIndex((i) => i.value === key), kr.key);
  check(index >= 0, `the form has a fieldset for ${kr.key}`);
  const value = kr.target;
  await page.locator(`input[name="value.${index}"]`).fill(String(value));
  await page.locator(`input[name="confidence.${index}"]`).fill('0.2');
  await page.locator(`textarea[name="status.${index}"]`).fill('Slower than planned');
  await page.locator(`textarea[name="learned.${index}"]`).fill('Clinics need a week of onboarding');
  await page.locator(`textarea[name="plans.${index}"]`).fill(plans);
  await page.locator(`textarea[name="challenges.${index}"]`).fill('Hiring');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Submit weekly check-in' }).click()]);
  check(page.url().includes('saved='), `redirected with a confirmation (${page.url()})`);
  check((await page.getByRole('status').innerText()).includes('Saved your check-in'),
        'the confirmation is shown');
  check(await page.locator(`input[name="value.${index}"]`).inputValue() === String(value),
        'the form is prefilled with the new value');
  await page.screenshot({ path: path.join(artifacts, 'checkin-person.png'), fullPage: true });

  await page.goto(`${origin}/objectives/${encodeURIComponent(kr.objective)}`);
  const objectiveText = await page.locator('main').innerText();
  check(objectiveText.includes(plans), 'the plans appear verbatim on the objective page');
  check(objectiveText.includes('Clinics need a week of onboarding'), 'the learning appears on the objective page');
  check(await page.locator('main b').count() === 0, 'HTML in answers is not interpreted');
  await page.screenshot({ path: path.join(artifacts, 'checkin-objective.png'), fullPage: true });

  const ics = await (await fetch(feed)).text();
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  check(unfolded.startsWith('BEGIN:VCALENDAR'), 'the feed is iCalendar');
  check(unfolded.includes('Last check-in: 2026-11-24'), 'the feed shows today\'s check-in');
  check(unfolded.includes(kr.title.replace(/[,;]/g, (c) => `\\${c}`)), 'the feed lists the KR now at risk');
  await context.close();
} finally {
  await browser.close();
}
if (failures.length > 0) {
  console.error(`${failures.length} failure(s)`);
  process.exit(1);
}
console.log('browser check-in: ok');
