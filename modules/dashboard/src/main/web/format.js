export const kw = (v) => (v == null ? '–' : `${Number(v).toLocaleString('en', { maximumFractionDigits: 1 })} kW`);
export const time = (iso) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : '–');

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'on') Object.entries(v).forEach(([ev, fn]) => e.addEventListener(ev, fn));
    else if (v != null) e.setAttribute(k, v);
  }
  for (const c of children.flat()) e.append(c instanceof Node ? c : document.createTextNode(c ?? ''));
  return e;
}

export function table(columns, rows, attrs = {}) {
  return el(
    'table',
    attrs,
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', {}, c.title)))),
    el('tbody', {}, rows.map((r) => el('tr', { 'data-key': r.key }, columns.map((c) => el('td', {}, c.cell(r)))))),
  );
}
