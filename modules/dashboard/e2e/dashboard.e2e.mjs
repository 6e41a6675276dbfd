// The dashboard in Debian's headless Chromium, driven by playwright-core, against a real node
// (started by DashboardIT). Prints READY once live numbers move; the test then has the VTN create
// an event, which must appear on the events page. Screenshots go to the folder given.
import { chromium } from 'playwright-core';
import { join } from 'node:path';

const [url, shots, token] = process.argv.slice(2);
if (!url || !shots) {
  console.error('usage: node dashboard.e2e.mjs <dashboard url> <screenshot folder> [api token]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  ],
  // playwright gives every launch a fresh, empty profile folder of its own
});
const fail = async (page, what) => {
  await page.screenshot({ path: join(shots, 'failure.png'), fullPage: true });
  throw new Error(what);
};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  if (token) {
    // an operator's token, as an operator types it: settling an event is a change
    await page.fill('#token', token);
    await page.press('#token', 'Enter');
  }
  // live numbers: every site online, and the load shown changes between two stream updates
  await page.waitForFunction(() => /^[1-9]\d* \/ /.test(document.querySelector('#sites-online')?.textContent ?? ''), null, { timeout: 30000 })
    .catch(() => fail(page, 'no site online shown'));
  const first = await page.textContent('#fleet-load');
  await page.waitForFunction((f) => document.querySelector('#fleet-load')?.textContent !== f, first, { timeout: 30000 })
    .catch(() => fail(page, `the fleet load stayed at ${first}`));
  const second = await page.textContent('#fleet-load');
  console.log(`LIVE ${first} -> ${second}; live: ${await page.textContent('#live')}`);
  await page.waitForSelector('#load-chart canvas');
  await page.screenshot({ path: join(shots, 'overview.png'), fullPage: true });

  await page.goto(`${url}#/sites`);
  await page.waitForSelector('#sites-table tbody tr');
  const rows = await page.locator('#sites-table tbody tr').count();
  console.log(`SITES ${rows}`);
  await page.screenshot({ path: join(shots, 'sites.png'), fullPage: true });
  await page.locator('#sites-table tbody tr a').first().click();
  await page.waitForFunction(() => (document.querySelector('#site-envelope')?.textContent ?? '').includes('{'), null, { timeout: 20000 })
    .catch(() => fail(page, 'no envelope on the site page'));
  await page.screenshot({ path: join(shots, 'site.png'), fullPage: true });

  await page.goto(`${url}#/events`);
  console.log('READY');
  await page.waitForSelector('#events-table tr[data-key="e2e-peak"]', { timeout: 60000 })
    .catch(() => fail(page, 'event e2e-peak did not appear'));
  const opt = await page.textContent('#events-table tr[data-key="e2e-peak"] b');
  console.log(`EVENT e2e-peak ${opt}`);
  await page.screenshot({ path: join(shots, 'events.png'), fullPage: true });

  // the event's live chart: the event zones' load against baseline and target, from the delivery
  await page.click('#events-table tr[data-key="e2e-peak"] a');
  await page.waitForFunction(() => {
    const v = (id) => Number(document.querySelector(id)?.dataset.value || 'NaN');
    return v('#event-samples') >= 3 && v('#event-baseline') > 0 && Number.isFinite(v('#event-target'));
  }, null, { timeout: 60000 }).catch(() => fail(page, 'the event chart got no baseline, target and samples'));
  const value = async (id) => page.getAttribute(id, 'data-value');
  const legend = await page.locator('#event-chart .u-legend .u-series .u-label').allTextContents();
  const rebound = await page.textContent('#event-rebound');
  if (!rebound.startsWith('Rebound')) await fail(page, `no rebound shown: ${rebound}`);
  console.log(`REBOUND ${rebound}`);
  console.log(`CHART baseline=${await value('#event-baseline')} target=${await value('#event-target')}` +
    ` load=${await value('#event-load')} samples=${await value('#event-samples')}` +
    ` series=${legend.join('|')}`);
  await page.screenshot({ path: join(shots, 'event.png'), fullPage: true });

  await page.goto(`${url}#/settlement`);
  await page.fill('#settle-event', 'e2e-peak');
  await page.click('#view form button');
  await page.waitForFunction(() => (document.querySelector('#settlement')?.textContent ?? '').includes('"eventId"'), null, { timeout: 30000 })
    .catch(() => fail(page, 'no settlement shown'));
  await page.screenshot({ path: join(shots, 'settlement.png'), fullPage: true });

  // the day-ahead plan: a version, real savings against run-at-arrival, the zone chart
  await page.goto(`${url}#/schedule`);
  await page.waitForFunction(() => /^v\d+/.test(document.querySelector('#schedule-version')?.textContent ?? ''), null, { timeout: 60000 })
    .catch(() => fail(page, 'no plan shown'));
  await page.waitForSelector('#schedule-chart canvas');
  await page.waitForSelector('#schedule-zone-table tbody tr');
  const version = (await page.textContent('#schedule-version')).split(' ')[0];
  const saved = await page.textContent('#schedule-saved-cost');
  const carbon = await page.textContent('#schedule-saved-carbon');
  if (!/\d/.test(saved) || saved.startsWith('–')) await fail(page, `no cost saving shown: ${saved}`);
  console.log(`SCHEDULE ${version} saved ${saved}, carbon ${carbon}`);
  // today's green power: the figures shown are the API's for the same day, read again until the
  // view has caught up with the meter minutes written meanwhile
  await page.waitForFunction(() => /\d/.test(document.querySelector('#green-location')?.dataset.value ?? ''), null, { timeout: 60000 })
    .catch(() => fail(page, 'no green-power figures shown'));
  let green = null;
  for (let i = 0; i < 40 && !green; i++) {
    const shown = await page.evaluate(() => Object.fromEntries(['cfe', 'location', 'market', 'kwh']
      .map((k) => [k, document.querySelector(`#green-${k}`).dataset.value]).concat([['from', document.querySelector('#green-table').dataset.from]])));
    const to = new Date(Date.parse(shown.from) + 86400000).toISOString().replace('.000Z', 'Z');
    const p = (await page.evaluate(async ([path, t]) => (await fetch(path, { headers: { authorization: `Bearer ${t}` } })).json(),
      [`../api/v1/green?from=${shown.from}&to=${to}`, token])).fleet.period;
    const api = { cfe: String(p.cfeShare ?? ''), location: String(p.locationBasedKg ?? ''), market: String(p.marketBasedKg ?? ''), kwh: String(p.consumptionKwh) };
    if (['cfe', 'location', 'market', 'kwh'].every((k) => shown[k] === api[k])) green = shown;
    else await page.waitForTimeout(500);
  }
  if (!green) await fail(page, 'the green-power figures shown never equalled the API\'s');
  console.log(`GREEN cfe=${green.cfe} location=${green.location} market=${green.market} kwh=${green.kwh} equal`);
  await page.screenshot({ path: join(shots, 'schedule.png'), fullPage: true });
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  console.log('DONE');
} finally {
  await browser.close();
}
