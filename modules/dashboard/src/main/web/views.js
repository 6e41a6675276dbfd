import * as api from './api.js';
import { el, kw, table, time } from './format.js';
import { kwChart } from './charts.js';

// The fleet's load as the stream brought it, kept while the page is open (the last hour at 1 s).
const history = { t: [], load: [], flex: [] };
const MAX_POINTS = 3600;

export const state = { fleet: null, events: new Map() };

export function recordFleet(f) {
  state.fleet = f;
  history.t.push(Date.now() / 1000);
  history.load.push(f.loadKw);
  history.flex.push(f.flexKw);
  if (history.t.length > MAX_POINTS) Object.values(history).forEach((a) => a.shift());
}

export function recordEvent(e) {
  state.events.set(e.eventId, e);
}

function activeEvent() {
  const now = Date.now();
  return [...state.events.values()].find(
    (e) => e.opt === 'OPT_IN' && Date.parse(e.start) <= now && now < Date.parse(e.end),
  );
}

// Fleet overview: totals, flexibility by kind and zone, and the live load chart.
export function overview(root) {
  const numbers = el('dl', { id: 'fleet-numbers', class: 'numbers' });
  const kinds = el('div', { id: 'flex-by-kind' });
  const zones = el('div', { id: 'zones' });
  const note = el('p', { id: 'event-note', class: 'note' });
  const chartBox = el('div', { id: 'load-chart' });
  root.append(el('h2', {}, 'Fleet'), numbers, el('h3', {}, 'Fleet load, live'), chartBox, note,
    el('h3', {}, 'Flexibility by kind'), kinds, el('h3', {}, 'By zone'), zones);
  const chart = kwChart(chartBox, ['fleet load', 'flexibility']);
  return () => {
    const f = state.fleet;
    if (!f) return;
    numbers.replaceChildren(
      ...[
        ['Sites online', `${f.sitesOnline} / ${f.sitesKnown}`, 'sites-online'],
        ['Facility load', kw(f.loadKw), 'fleet-load'],
        ['IT load', kw(f.itKw), 'it-load'],
        ['Flexibility now', kw(f.flexKw), 'fleet-flex'],
        ['Hosting capacity', kw(f.hostingKw), 'hosting'],
      ].flatMap(([k, v, id]) => [el('dt', {}, k), el('dd', { id }, v)]),
    );
    kinds.replaceChildren(
      table(
        [{ title: 'kind', cell: (r) => r[0] }, { title: 'available', cell: (r) => kw(r[1]) }],
        Object.entries(f.flexByKindKw).map(([k, v]) => Object.assign([k, v], { key: k })),
      ),
    );
    zones.replaceChildren(
      table(
        [
          { title: 'zone', cell: (z) => z.zone },
          { title: 'sites online', cell: (z) => String(z.sitesOnline) },
          { title: 'load', cell: (z) => kw(z.loadKw) },
          { title: 'flexibility', cell: (z) => kw(z.flexKw) },
          { title: 'hosting', cell: (z) => kw(z.hostingKw) },
        ],
        f.zones.map((z) => ({ ...z, key: z.zone })),
      ),
    );
    chart.set(history.t, history.load, history.flex);
    const e = activeEvent();
    note.textContent = e
      ? `Event ${e.eventId} on: ${kw(e.requestedKw)} requested until ${time(e.end)}; ` +
        `its load against baseline and target: #/events/${e.eventId}.`
      : '';
  };
}

// Grid events from the VTN: the VEN's opt decision, why, and the window.
export function events(root) {
  const box = el('div', { id: 'events' });
  root.append(el('h2', {}, 'Grid events'), box);
  api.get('/grid-events').then((r) => {
    r.events.forEach(recordEvent);
    draw();
  });
  const draw = () => {
    const list = [...state.events.values()].sort((a, b) => b.start.localeCompare(a.start));
    box.replaceChildren(
      list.length === 0
        ? el('p', {}, 'No grid event received yet.')
        : table(
            [
              { title: 'event', cell: (e) => e.eventId },
              { title: 'status', cell: (e) => e.status },
              { title: 'opt', cell: (e) => el('b', { class: e.opt }, e.opt) },
              { title: 'reason', cell: (e) => e.reason },
              { title: 'requested', cell: (e) => kw(e.requestedKw) },
              { title: 'start', cell: (e) => time(e.start) },
              { title: 'end', cell: (e) => time(e.end) },
              {
                title: 'allocation, delivery',
                cell: (e) => el('a', { href: `#/events/${encodeURIComponent(e.eventId)}` }, 'delivery ›'),
              },
            ],
            list.map((e) => ({ ...e, key: e.eventId })),
            { id: 'events-table' },
          ),
    );
  };
  return draw;
}

// Every site, with a link to its page.
export function sites(root) {
  const box = el('div', { id: 'sites' });
  root.append(el('h2', {}, 'Sites'), box);
  let last = 0;
  return () => {
    if (Date.now() - last < 5000) return;
    last = Date.now();
    api.get('/sites?limit=1000').then((page) => {
      box.replaceChildren(
        el('p', {}, `${page.total} sites`),
        table(
          [
            { title: 'site', cell: (s) => el('a', { href: `#/sites/${encodeURIComponent(s.site)}` }, s.site) },
            { title: 'zone', cell: (s) => s.zone },
            { title: 'presence', cell: (s) => s.presence },
            { title: 'transport', cell: (s) => s.transport },
            { title: 'load', cell: (s) => kw(s.counted?.loadKw) },
            { title: 'flexibility', cell: (s) => kw(s.counted?.flexKw) },
            { title: 'last seen', cell: (s) => time(s.lastSeen) },
          ],
          page.sites.map((s) => ({ ...s, key: s.site })),
          { id: 'sites-table' },
        ),
      );
    });
  };
}

// One site: telemetry chart, envelope, orders and their acks.
export function site(root, id) {
  const head = el('div', { id: 'site-head' });
  const chartBox = el('div', { id: 'site-chart' });
  const envelope = el('pre', { id: 'site-envelope' });
  const orders = el('div', { id: 'site-orders' });
  root.append(el('h2', {}, `Site ${id}`), head, el('h3', {}, 'Telemetry (last 10 minutes)'), chartBox,
    el('h3', {}, 'Flexibility envelope'), envelope, el('h3', {}, 'Orders and acks'), orders);
  const chart = kwChart(chartBox, ['facility', 'IT', 'grid import']);
  const path = `/sites/${encodeURIComponent(id)}`;
  let last = 0;
  return () => {
    if (Date.now() - last < 2000) return;
    last = Date.now();
    api.get(path).then((s) => {
      head.textContent = `${s.zone} · ${s.presence} · ${s.transport} · agent ${s.agentVersion ?? '?'} · last seen ${time(s.lastSeen)}`;
      envelope.textContent = s.envelope ? JSON.stringify(s.envelope, null, 2) : 'none reported';
    });
    api.get(`${path}/telemetry`).then((t) => {
      const xs = t.samples.map((p) => Date.parse(p.ts) / 1000);
      chart.set(xs, t.samples.map((p) => p.facilityKw), t.samples.map((p) => p.itKw), t.samples.map((p) => p.gridImportKw));
    });
    api.get(`/dispatches?site=${encodeURIComponent(id)}`).then((d) => {
      orders.replaceChildren(
        d.dispatches.length === 0
          ? el('p', {}, 'No orders.')
          : table(
              [
                { title: 'order', cell: (o) => `${o.id} r${o.revision}` },
                { title: 'state', cell: (o) => o.state },
                { title: 'reduction', cell: (o) => kw(o.netReductionKw) },
                { title: 'issued', cell: (o) => time(o.issuedAt) },
                { title: 'first ack', cell: (o) => time(o.firstAckAt) },
                { title: 'last ack', cell: (o) => (o.lastAck ? JSON.stringify(o.lastAck) : '–') },
              ],
              d.dispatches.map((o) => ({ ...o, key: o.id })),
            ),
      );
    });
  };
}

// Settlement of one event from the ledger.
export function settlement(root) {
  const input = el('input', { id: 'settle-event', placeholder: 'event id' });
  const out = el('pre', { id: 'settlement' });
  const csv = el('a', { id: 'settlement-csv', hidden: '' }, 'Download CSV');
  const run = async (ev) => {
    ev.preventDefault();
    const id = encodeURIComponent(input.value.trim());
    if (!id) return;
    out.textContent = 'settling…';
    try {
      out.textContent = JSON.stringify(await api.post(`/grid-events/${id}/settlement`), null, 2);
      const text = await api.post(`/grid-events/${id}/settlement`, 'text/csv');
      csv.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      csv.download = `settlement-${input.value.trim()}.csv`;
      csv.hidden = false;
    } catch (e) {
      out.textContent = e.message;
    }
  };
  const known = el('datalist', { id: 'known-events' });
  input.setAttribute('list', 'known-events');
  root.append(
    el('h2', {}, 'Settlement'),
    el('form', { on: { submit: run } }, input, known, el('button', { type: 'submit' }, 'Settle')),
    out,
    csv,
  );
  return () => known.replaceChildren(...[...state.events.keys()].map((k) => el('option', { value: k })));
}
