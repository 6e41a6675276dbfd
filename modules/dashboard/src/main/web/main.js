import './style.css';
import * as api from './api.js';
import * as views from './views.js';
import { eventView } from './event.js';
import { schedule } from './schedule.js';

const view = document.getElementById('view');
const live = document.getElementById('live');
const error = document.getElementById('error');
let refresh = () => {};

function route() {
  const hash = location.hash || '#/overview';
  view.replaceChildren();
  const [, page, arg] = hash.split('/');
  try {
    if (page === 'events' && arg) refresh = eventView(view, decodeURIComponent(arg));
    else if (page === 'events') refresh = views.events(view);
    else if (page === 'sites' && arg) refresh = views.site(view, decodeURIComponent(arg));
    else if (page === 'sites') refresh = views.sites(view);
    else if (page === 'settlement') refresh = views.settlement(view);
    else if (page === 'schedule') refresh = schedule(view);
    else refresh = views.overview(view);
    refresh();
  } catch (e) {
    showError(e);
  }
}

function showError(e) {
  error.hidden = false;
  error.textContent = e.message;
}

let stop = () => {};
function connect() {
  stop();
  live.dataset.state = 'connecting';
  live.textContent = 'connecting…';
  stop = api.stream(
    (name, data) => {
      if (name === 'fleet') views.recordFleet(data);
      else if (name === 'grid-event') views.recordEvent(data);
      error.hidden = true;
      refresh();
    },
    (s) => {
      live.dataset.state = s.startsWith('offline') ? 'offline' : s;
      live.textContent = s;
      if (s.startsWith('offline')) showError(new Error(`live updates: ${s}`));
    },
  );
}

document.getElementById('token').value = api.token();
document.getElementById('token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  api.setToken(document.getElementById('token').value.trim());
  connect();
  route();
});
window.addEventListener('hashchange', route);
window.addEventListener('unhandledrejection', (e) => showError(e.reason));
api.get('/grid-events').then((r) => r.events.forEach(views.recordEvent)).catch(showError);
route();
connect();
