// Copyright 2026 The okrd Authors.
//
// What a person sees on the status page of the example organisation, in
// headless Chromium: objective titles and progress on "/", an objective
// page, the alignment tree and the at-risk list; no console errors, no
// failed or external requests; axe-core finds no serious or critical
// violations. Screenshots go to the artefact directory.
//
//   node tests/browser/status_page.mjs PORT ARTIFACT_DIR

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const [port, artifacts] = process.argv.slice(2);
if (!port || !artifacts) {
  console.error('usage: status_page.mjs PORT ARTIFACT_DIR');
  process.exit(2);
}
const origin = `http://127.0.0.1:${port}`;
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const failures = [];
const fail = (message) => { failures.push(message); console.error(`FAIL ${message}`); };
const check = (condition, message) => { if (!condition) fail(message); };

async function api(resource) {
  const response = await fetch(`${origin}/api/v1/${resource}`);
  if (!response.ok) throw new Error(`${resource}: HTTP ${response.status}`);
  return response.json();
}

function percent(p) { return `${Math.round(Math.min(Math.max(p, 0), 1) * 100)}%`; }

// Opens `url`, records problems, runs axe, saves a screenshot.
async function visit(context, url, name, assertions) {
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') fail(`${name}: console error: ${m.text()}`); });
  page.on('pageerror', (e) => fail(`${name}: page error: ${e.message}`));
  page.on('requestfailed', (r) => fail(`${name}: request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) fail(`${name}: external request ${r.url()}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) fail(`${name}: HTTP ${r.status()} for ${r.url()}`); });
  const response = await page.goto(origin + url, { waitUntil: 'load' });
  check(response && response.status() === 200, `${name}: status ${response?.status()}`);
  await assertions(page);
  await page.evaluate(axeSource);  // DevTools evaluation: not subject to CSP.
  const result = await page.evaluate(() => globalThis.axe.run(document, {
    resultTypes: ['violations'],
  }));
  for (const v of result.violations) {
    const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ');
    const line = `${name}: axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.length}x: ${where})`;
    if (v.impact === 'serious' || v.impact === 'critical') fail(line); else console.log(`note ${line}`);
  }
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
  await page.close();
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  // Playwright gives every launch a fresh temporary profile (user data dir).
});
try {
  const { objectives } = await api('objectives');
  const company = objectives.filter((o) => o.level === 'company');
  const atRisk = objectives.filter((o) => o.at_risk);
  check(company.length > 0 && atRisk.length > 0, 'example has company and at-risk objectives');

  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await visit(desktop, '/', 'home', async (page) => {
    check((await page.locator('h1').innerText()).includes('at a glance'), 'home: h1');
    for (const o of company) {
      const card = page.locator('article.card', { has: page.getByRole('link', { name: o.title, exact: true }) });
      check(await card.first().isVisible(), `home: company objective "${o.title}" visible`);
      const text = await card.first().innerText();
      check(text.includes(percent(o.progress)), `home: "${o.title}" shows ${percent(o.progress)}`);
    }
    const items = page.locator('#at-risk li');
    check(await items.count() === atRisk.length, `home: ${atRisk.length} objectives in the at-risk list, saw ${await items.count()}`);
    check(await page.getByText(atRisk[0].title, { exact: true }).first().isVisible(), 'home: at-risk title visible');
    check(await page.locator('.band-risk').first().isVisible(), 'home: an "at risk" badge');
  });

  const target = company[0];
  await visit(desktop, `/objectives/${encodeURIComponent(target.key)}`, 'objective', async (page) => {
    check(await page.locator('h1').innerText() === target.title, 'objective: h1 is the title');
    for (const kr of target.key_results) {
      check(await page.getByText(kr.title, { exact: true }).first().isVisible(), `objective: KR "${kr.title}"`);
    }
    check(await page.locator('svg.burnup').isVisible(), 'objective: burn-up chart');
    check(await page.locator('.checkins > li').count() > 0, 'objective: check-in history');
    check((await page.locator('.progress .value').first().innerText()) === percent(target.progress), 'objective: progress value');
  });

  await visit(desktop, '/alignment', 'alignment', async (page) => {
    check(await page.locator('ul.tree').first().isVisible(), 'alignment: tree');
    check(await page.getByRole('link', { name: target.title, exact: true }).first().isVisible(), 'alignment: company objective');
    check(await page.locator('.flag', { hasText: 'aligned to nothing' }).count() > 0, 'alignment: unaligned flagged');
  });

  await visit(desktop, '/health', 'health', async (page) => {
    check(await page.locator('#at-risk').isVisible(), 'health: at-risk heading');
    check(await page.locator('table tbody tr').count() > 0, 'health: rows');
  });

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true });
  await visit(phone, '/', 'home-360px', async (page) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `home at 360px: no horizontal scrolling (${overflow}px too wide)`);
  });
  const printPage = await desktop.newPage();
  await printPage.goto(`${origin}/objectives/${encodeURIComponent(target.key)}`);
  await printPage.emulateMedia({ media: 'print' });
  await printPage.screenshot({ path: path.join(artifacts, 'objective-print.png'), fullPage: true });
} catch (e) {
  fail(`exception: ${e.stack || e}`);
} finally {
  await browser.close();
}
if (failures.length > 0) {
  console.error(`${failures.length} failure(s)`);
  process.exit(1);
}
console.log(`ok: screenshots in ${artifacts}`);
