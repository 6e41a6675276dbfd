import uPlot from 'uplot';
import * as api from './api.js';
import { el, kw, table, time } from './format.js';

// One grid event's delivery as the aggregator's orchestrator keeps it
// (GET /api/v1/grid-events/{id}/delivery): the event zones' load against their baseline and the
// target (baseline less the commitment) at every closed-loop step, the plan, and each site's part.

// The chart's series from a delivery record. Baseline: the event zones' sites' grid import when the
// event was planned. Target: that less the commitment. Load: the baseline less the reduction the
// sites' meters showed (sites without an order counted at their baseline).
export function deliverySeries(d) {
  const baseline = Object.values(d.sites ?? {})
    .filter((p) => p.inEventZone)
    .reduce((sum, p) => sum + (p.baselineKw ?? 0), 0);
  const s = { t: [], baseline: [], target: [], load: [], delivered: [] };
  for (const x of d.samples ?? []) {
    s.t.push(Date.parse(x.at) / 1000);
    s.baseline.push(baseline);
    s.target.push(baseline - x.commitmentKw);
    s.load.push(baseline - x.meterKw);
    s.delivered.push(x.measuredKw);
  }
  return s;
}

function chart(target) {
  const opts = {
    width: 900,
    height: 300,
    scales: { x: { time: true } },
    series: [
      {},
      { label: 'baseline', stroke: '#57606a', width: 2, dash: [6, 4] },
      { label: 'target', stroke: '#1a7f37', width: 2, dash: [2, 3] },
      { label: 'load (meters)', stroke: '#1f6feb', width: 2 },
    ],
    axes: [{}, { label: 'kW', size: 80 }],
  };
  return new uPlot(opts, [[], [], [], []], target);
}

const orderedKw = (p) => Object.values(p.reduceKw ?? {}).reduce((a, b) => a + b, 0);

function numbers(box, s, d) {
  const last = (a) => (a.length ? a[a.length - 1] : null);
  box.replaceChildren(
    ...[
      ['Baseline', last(s.baseline), 'event-baseline'],
      ['Target', last(s.target), 'event-target'],
      ['Load (meters)', last(s.load), 'event-load'],
      ['Delivered (acks)', last(s.delivered), 'event-delivered'],
      ['Loop steps', s.t.length, 'event-samples'],
    ].flatMap(([k, v, id]) => [
      el('dt', {}, k),
      el('dd', { id, 'data-value': v ?? '' }, id === 'event-samples' ? String(v) : kw(v)),
    ]),
  );
  box.dataset.status = d.status;
}

// "cp-sat OPTIMAL, gap 0.1 %, 42 ms" or, when the solver failed, the merit order and why.
export function solverText(r) {
  if (!r) return '?';
  const gap = r.gap == null ? '' : `, gap ${(100 * r.gap).toFixed(1)} %`;
  const fell = r.fallback ? ` (fallback: ${r.fallbackReason ?? 'solver failed'})` : '';
  return `${r.name} ${r.status}${gap}, ${r.millis} ms${fell}`;
}

// The rebound: as sent (LIMIT_REBOUND orders before the event's end), else as first planned.
export function reboundText(r) {
  const sent = r?.dispatched;
  if (sent?.sentAt) {
    return `Rebound: limits sent to ${sent.orders} sites from ${time(sent.from)}, ` +
      `${Number(sent.owedKwh).toFixed(0)} kWh owed, back within ${sent.intervalsUsed} steps of ${sent.interval}, ` +
      `at most ${kw(sent.headroomKw)} above the fleet's baseline (peak ratio ${Number(sent.peakRatio).toFixed(3)})`;
  }
  if (r?.peakRatio != null) {
    return `Rebound planned: peak ratio ${Number(r.peakRatio).toFixed(3)} over ${r.intervalsUsed} steps of ${r.interval}; ` +
      'limits go out before the end';
  }
  return 'Rebound: none recorded';
}

function plan(box, d) {
  const moves = d.moves ?? [];
  box.replaceChildren(
    el('p', {}, `Status ${d.status} · zones ${(d.zones ?? []).join(', ')} · orders from ${time(d.ordersFrom)} · ` +
      `solver ${solverText(d.solver?.solver)} · plan cost ${Number(d.cost ?? 0).toFixed(2)} · ${moves.length} jobs to move`),
    el('p', { id: 'event-rebound' }, reboundText(d.rebound)),
    moves.length === 0
      ? el('p', { class: 'note' }, 'No job migrations planned.')
      : table(
          [
            { title: 'job', cell: (m) => m.job },
            { title: 'from', cell: (m) => `${m.from} (${m.fromZone})` },
            { title: 'to', cell: (m) => `${m.to} (${m.toZone})` },
            { title: 'IT load', cell: (m) => kw(m.kw) },
          ],
          moves.map((m) => ({ ...m, key: m.job })),
          { id: 'moves-table' },
        ),
  );
}

function allocation(box, d) {
  const parts = Object.values(d.sites ?? {}).sort((a, b) => a.site.localeCompare(b.site));
  box.replaceChildren(
    table(
      [
        { title: 'site', cell: (p) => el('a', { href: `#/sites/${encodeURIComponent(p.site)}` }, p.site) },
        { title: 'zone', cell: (p) => p.zone },
        { title: 'role', cell: (p) => (p.inEventZone ? 'sheds' : 'hosts') },
        { title: 'ordered', cell: (p) => kw(orderedKw(p)) },
        { title: 'achieved (ack)', cell: (p) => kw(p.achievedKw) },
        { title: 'migrations', cell: (p) => String((p.migrations ?? []).length) },
        { title: 'order', cell: (p) => `${p.orderId} r${p.revision}` },
        { title: 'state', cell: (p) => p.state ?? '–' },
        { title: 'lost', cell: (p) => (p.lost ? `lost ${time(p.lostAt)}` : 'no') },
        { title: 'rebound limit', cell: (p) => (p.rebound ? `${p.rebound.orderId} r${p.rebound.revision}` : '–') },
      ],
      parts.map((p) => ({ ...p, key: p.site })),
      { id: 'allocation-table' },
    ),
  );
}

// The page: #/events/{id}. Refreshed by the live stream, read from the API at most every 2 s.
export function eventView(root, id) {
  const head = el('p', { id: 'event-head' }, 'loading…');
  const nums = el('dl', { id: 'event-numbers', class: 'numbers' });
  const chartBox = el('div', { id: 'event-chart' });
  const planBox = el('div', { id: 'event-plan' });
  const parts = el('div', { id: 'event-allocation' });
  root.append(el('h2', {}, `Event ${id}`), head, nums,
    el('h3', {}, 'Event zones\u2019 load against baseline and target'), chartBox,
    el('h3', {}, 'Plan'), planBox, el('h3', {}, 'Allocation and delivery per site'), parts);
  const plot = chart(chartBox);
  const path = `/grid-events/${encodeURIComponent(id)}/delivery`;
  let last = 0;
  return () => {
    if (Date.now() - last < 2000) return;
    last = Date.now();
    api.get(path).then((d) => {
      const s = deliverySeries(d);
      head.textContent = `${d.status} · ${time(d.start)} to ${time(d.end)} · committed ` +
        (d.commitmentKw ?? []).map(kw).join(' / ');
      numbers(nums, s, d);
      plot.setData([s.t, s.baseline, s.target, s.load]);
      plan(planBox, d);
      allocation(parts, d);
    }).catch((e) => {
      head.textContent = e.message.startsWith('404')
        ? 'Not dispatched: the VEN opted out, or the aggregator has not planned it yet.'
        : e.message;
    });
  };
}
