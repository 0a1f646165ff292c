// Login, header and hash routing: #/workshops, #/workshops/<slug-or-id>, #/persons/<username-or-id>, #/tags, …
// Each screen renders into a fresh section, so a slow answer for a screen the admin has already left lands in a
// detached element and is harmless.
import { api, onLoggedOut } from './api.js';
import { h, field, problemBox, onSubmit, showProblem } from './ui.js';
import * as workshops from './workshops.js';
import { merge } from './merge.js';
import { mergePersons } from './person-merge.js';
import * as records from './records.js';
import * as persons from './persons.js';
import * as admin from './admin.js';
import { reports } from './reports.js';

const top = document.getElementById('top');
const app = document.getElementById('app');
let session = null;
let leaving = [];

const routes = [
  [/^workshops$/, workshops.list, 'workshops'],
  [/^workshops\/new$/, workshops.create, 'new'],
  [/^workshops\/([^/]+)$/, workshops.detail, 'workshops'],
  [/^persons$/, persons.list, 'persons'],
  [/^persons\/new$/, persons.create, 'persons'],
  [/^persons\/([^/]+)$/, persons.detail, 'persons'],
  [/^merge$/, merge, 'merge'],
  [/^merge\/persons$/, mergePersons, 'merge-persons'],
  [/^tags$/, records.tags, 'tags'],
  [/^tags\/([^/]+)$/, records.tag, 'tags'],
  [/^organisations$/, records.organisations, 'organisations'],
  [/^organisations\/([^/]+)$/, records.organisation, 'organisations'],
  [/^reports$/, reports, 'reports'],
  [/^read-models$/, admin.readModels, 'read-models'],
  [/^links$/, admin.links, 'links'],
];

const NAV = [['workshops', 'Workshops'], ['new', 'New workshop', 'workshops/new'], ['persons', 'People'],
  ['merge', 'Merge'], ['merge-persons', 'Merge people', 'merge/persons'], ['tags', 'Tags'],
  ['organisations', 'Organisations'], ['reports', 'Reports'], ['read-models', 'Read models'],
  ['links', 'Exports & API']];

function header(current) {
  const brand = h('p', { class: 'brand' }, 'AMY admin');
  if (!session) { top.replaceChildren(brand); return; }
  const logout = h('button', { type: 'button', class: 'secondary' }, 'Log out');
  logout.addEventListener('click', async () => {
    await api('/api/session', { method: 'DELETE' }).catch(() => {});
    session = null;
    location.hash = '#/workshops';
    render();
  });
  // Spring also lists authentication factors (factor_password) among the authorities; they are not roles.
  const roles = (session.roles || []).filter((r) => !r.startsWith('factor_'));
  top.replaceChildren(brand,
    h('nav', { 'aria-label': 'Main' }, h('ul', {}, NAV.map(([key, text, path]) => h('li', {},
      h('a', { href: `#/${path || key}`, 'aria-current': key === current ? 'page' : null }, text))))),
    h('p', { class: 'who' }, h('span', {}, 'Logged in as ', h('strong', {}, session.username),
      roles.length ? ` (${roles.join(', ')})` : ''), logout));
}

function login(section) {
  header(null);
  const box = problemBox();
  const form = h('form', {}, field({ label: 'Username', name: 'username', autocomplete: 'username', required: true }),
    field({ label: 'Password', name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    box, h('p', {}, h('button', {}, 'Log in')));
  onSubmit(form, box, async (data) => {
    session = (await api('/api/session', { method: 'POST',
      body: { username: data.get('username'), password: data.get('password') } })).data;
    render();
  });
  section.append(h('h1', {}, 'Log in'), h('div', { class: 'login' }, form));
  form.elements.username.focus();
}

// An admin's one-time link (POST /api/persons/{ref}/password-resets) opens #password-reset=<token>.
function passwordReset(section, token) {
  header(null);
  const box = problemBox();
  const form = h('form', {},
    field({ label: 'New password', name: 'password', type: 'password', autocomplete: 'new-password', required: true }),
    field({ label: 'The same again', name: 'again', type: 'password', autocomplete: 'new-password', required: true }),
    h('p', { class: 'muted' }, 'At least 10 characters; not a common password, not like your name or email.'),
    box, h('p', {}, h('button', {}, 'Set password')));
  onSubmit(form, box, async (data) => {
    if (data.get('password') !== data.get('again')) {
      throw { problem: { title: 'The two passwords differ', detail: 'Type the same password twice.' } };
    }
    await api('/api/password-resets', { method: 'POST', body: { token, password: data.get('password') } });
    history.replaceState(null, '', location.pathname + '#/workshops');
    section.replaceChildren(h('h1', {}, 'Password set'), h('p', {}, 'Log in with your new password.'),
      h('p', {}, h('a', { href: '#/workshops' }, 'Log in')));
  });
  section.append(h('h1', {}, 'Choose your password'), h('div', { class: 'login' }, form));
  form.elements.password.focus();
}

async function render() {
  leaving.splice(0).forEach((fn) => fn());
  const section = h('section');
  app.replaceChildren(section);
  const reset = location.hash.match(/^#password-reset=([A-Za-z0-9_-]+)$/);
  if (reset) { passwordReset(section, reset[1]); return; }
  if (!session) { login(section); return; }
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const match = routes.map(([re, view, nav]) => [path.match(re), view, nav]).find(([m]) => m);
  if (!match) { location.replace('#/workshops'); return; }
  const [m, view, nav] = match;
  header(nav);
  app.focus();
  section.append(h('p', { class: 'muted' }, 'Loading…'));
  try {
    await view(section, m.slice(1).map(decodeURIComponent), new URLSearchParams(query),
      { onLeave: (fn) => leaving.push(fn) });
  } catch (e) {
    if (e.loggedOut) return;
    const box = problemBox();
    section.replaceChildren(h('h1', {}, 'Could not load this page'), box);
    showProblem(box, e);
  }
}

onLoggedOut(() => {
  if (!session) return;
  session = null;
  render();
});
window.addEventListener('hashchange', render);

api('/api/session').then(({ data }) => { session = data; }, () => { session = null; }).finally(render);
