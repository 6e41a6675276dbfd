// The aggregator's REST API, with the operator's token (kept in this browser session only).
const TOKEN_KEY = 'gridshift.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function headers(extra = {}) {
  const h = { accept: 'application/json', ...extra };
  if (token()) h.authorization = `Bearer ${token()}`;
  return h;
}

// The API answers errors as RFC 9457 problems: show their detail, not just the status.
async function check(res) {
  if (res.ok) return res;
  let detail = `${res.status} ${res.statusText}`;
  try {
    const p = await res.json();
    detail = `${res.status} ${p.title || ''}: ${p.detail || ''}`.trim();
  } catch (e) {
    // not a problem document: the status says enough
  }
  throw new Error(detail);
}

export async function get(path) {
  const res = await fetch(`../api/v1${path}`, { headers: headers() });
  return (await check(res)).json();
}

export async function post(path, accept = 'application/json') {
  const res = await fetch(`../api/v1${path}`, { method: 'POST', headers: headers({ accept }) });
  await check(res);
  return accept === 'text/csv' ? res.text() : res.json();
}

// EventSource cannot send an Authorization header: with a token, the stream is read by fetch.
export function stream(onEvent, onState) {
  const controller = new AbortController();
  (async () => {
    try {
      const res = await check(
        await fetch('../api/v1/stream', {
          headers: headers({ accept: 'text/event-stream' }),
          signal: controller.signal,
        }),
      );
      onState('live');
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let name = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) name = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) onEvent(name, JSON.parse(data));
        }
      }
      onState('closed');
    } catch (e) {
      if (!controller.signal.aborted) onState(`offline: ${e.message}`);
    }
  })();
  return () => controller.abort();
}
