import * as api from './api.js';
import { el, table, time } from './format.js';
import uPlot from 'uplot';

// The day-ahead plan (GET /api/v1/schedule): version and solver, cost and carbon saved against
// running every job at arrival, the kW the plan puts in each zone per slot (solid) against
// run-at-arrival (dashed), per zone and job class, and each site's plan and ack. Below, today's
// green power (GET /api/v1/green): the fleet's carbon-free-energy share and its location-based and
// market-based emissions, apart.
const money = (v) => (v == null ? '–' : Number(v).toLocaleString('en', { maximumFractionDigits: 2 }));
const kg = (v) => (v == null ? '–' : `${Number(v).toLocaleString('en', { maximumFractionDigits: 1 })} kg`);
const pct = (v) => (v == null ? '–' : `${Number(v).toFixed(1)} %`);
const COLORS = ['#1f6feb', '#8250df', '#cf222e', '#1a7f37', '#bf8700', '#0a3069'];

export function schedule(root) {
  const numbers = el('dl', { id: 'schedule-numbers', class: 'numbers' });
  const chartBox = el('div', { id: 'schedule-chart' });
  const zones = el('div', { id: 'schedule-zones' });
  const classes = el('div', { id: 'schedule-classes' });
  const sites = el('div', { id: 'schedule-sites' });
  const green = el('div', { id: 'green' });
  root.append(el('h2', {}, 'Day-ahead schedule'), numbers,
    el('h3', {}, 'kW per zone and slot: planned (solid) and at arrival (dashed)'), chartBox,
    el('h3', {}, 'By zone'), zones, el('h3', {}, 'By job class'), classes, el('h3', {}, 'Sites'), sites,
    el('h3', {}, 'Green power today (UTC)'), green);
  let plot = null;
  let shown = null;
  let busy = false;
  return async () => {
    if (busy) return;
    busy = true;
    try {
      const s = await api.get('/schedule');
      await greenPower(green, s.validFrom);
      if (s.status !== 'planned') {
        numbers.replaceChildren(el('dt', {}, 'Plan'), el('dd', { id: 'schedule-version' }, 'none yet'));
        return;
      }
      numbers.replaceChildren(
        ...[
          ['Plan', `v${s.version} (${s.planId})`, 'schedule-version'],
          ['Valid', `${time(s.validFrom)} – ${time(s.validUntil)}, ${s.slotMinutes}-min slots`, 'schedule-valid'],
          ['Solver', `${s.solver.method}, gap ${s.solver.gap == null ? '–' : pct(100 * s.solver.gap)}, ${s.solver.millis} ms`, 'schedule-solver'],
          ['Cost saved', `${money(s.savings.cost)} (${pct(s.savings.costPct)})`, 'schedule-saved-cost'],
          ['Carbon saved', `${kg(s.savings.emissionsKg)} (${pct(s.savings.emissionsPct)})`, 'schedule-saved-carbon'],
          ['Sites acked', `${s.sitesAcked} / ${s.sites.length}`, 'schedule-acked'],
        ].flatMap(([k, v, id]) => [el('dt', {}, k), el('dd', { id }, v)]),
      );
      if (shown !== `${s.planId}#${s.version}`) {
        shown = `${s.planId}#${s.version}`;
        plot?.destroy();
        plot = chart(chartBox, s);
      }
      const row = (name, r) => Object.assign([name, r], { key: name });
      const totals = [
        { title: 'cost planned', cell: (r) => money(r[1].planned.cost) },
        { title: 'cost at arrival', cell: (r) => money(r[1].atArrival.cost) },
        { title: 'CO₂ planned', cell: (r) => kg(r[1].planned.emissionsKg) },
        { title: 'CO₂ at arrival', cell: (r) => kg(r[1].atArrival.emissionsKg) },
        { title: 'jobs run here', cell: (r) => r[1].planned.jobs },
      ];
      zones.replaceChildren(table([{ title: 'zone', cell: (r) => r[0] }, ...totals],
        s.zones.map((z) => row(z.zone, z)), { id: 'schedule-zone-table' }));
      classes.replaceChildren(table([{ title: 'class', cell: (r) => r[0] }, ...totals],
        s.jobClasses.map((c) => row(c.jobClass, c))));
      sites.replaceChildren(table([
        { title: 'site', cell: (r) => r[0] },
        { title: 'version', cell: (r) => r[1].version },
        { title: 'run / out / in', cell: (r) => `${r[1].run} / ${r[1].moveOut} / ${r[1].moveIn}` },
        { title: 'ack', cell: (r) => (r[1].ack ? r[1].ack.status : 'waiting') },
        { title: 'refused', cell: (r) => (r[1].ack ? r[1].ack.rejected.map((x) => `${x.job}: ${x.reason}`).join('; ') : '') },
      ], s.sites.map((x) => row(x.site, x)), { id: 'schedule-site-table' }));
    } finally {
      busy = false;
    }
  };
}

// The node's day (the plan's start; the browser's day before a plan), 00:00 to 24:00 UTC. Each
// figure carries its raw value in data-value; hours without meter or carbon data are counted,
// never taken as zeros.
async function greenPower(target, nodeTime) {
  const day = (nodeTime || new Date().toISOString()).slice(0, 10);
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
  const from = `${day}T00:00:00Z`;
  let g;
  try {
    g = await api.get(`/green?from=${from}&to=${next}T00:00:00Z`);
  } catch (e) {
    target.replaceChildren(el('p', {}, `no green-power account: ${e.message}`));
    return;
  }
  const p = g.fleet.period;
  const cell = (id, text, value) => el('td', { id, 'data-value': value == null ? '' : String(value) }, text);
  target.replaceChildren(el('table', { id: 'green-table', 'data-from': from },
    el('thead', {}, el('tr', {}, ...['CFE share', 'location-based CO₂', 'market-based CO₂', 'consumption',
      'hours accounted'].map((t) => el('th', {}, t)))),
    el('tbody', {}, el('tr', {},
      cell('green-cfe', p.cfeShare == null ? '–' : pct(100 * p.cfeShare), p.cfeShare),
      cell('green-location', kg(p.locationBasedKg), p.locationBasedKg),
      cell('green-market', kg(p.marketBasedKg), p.marketBasedKg),
      cell('green-kwh', `${money(p.consumptionKwh)} kWh`, p.consumptionKwh),
      cell('green-hours', `${p.hoursAccounted} / ${p.hours} site-hours`, p.hoursAccounted)))));
}

function chart(target, s) {
  const start = Date.parse(s.validFrom) / 1000;
  const xs = Array.from({ length: s.slots }, (_, i) => start + i * s.slotMinutes * 60);
  const series = [{}];
  const data = [xs];
  s.zones.forEach((z, i) => {
    const color = COLORS[i % COLORS.length];
    series.push({ label: `${z.zone} planned`, stroke: color, width: 2 });
    data.push(z.plannedKw);
    series.push({ label: `${z.zone} at arrival`, stroke: color, width: 1, dash: [6, 4] });
    data.push(z.atArrivalKw);
  });
  return new uPlot(
    { width: 900, height: 280, scales: { x: { time: true } }, series, axes: [{}, { label: 'kW', size: 70 }] },
    data,
    target,
  );
}


