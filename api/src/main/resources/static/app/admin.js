// Read models (positions, lag, rebuild and verify with progress) and the links to exports and API docs.
import { api, get, seg } from './api.js';
import { h, fill, field, problemBox, onClick, showProblem, table, utc } from './ui.js';

function progressView(p) {
  const done = p.state !== 'running';
  const total = Math.max(p.head, 1);
  return h('div', {},
    h('p', {}, h('strong', {}, `${p.read_model}: ${p.mode} ${p.state}`), ` — started ${utc(p.started_at)}`,
      p.finished_at ? `, finished ${utc(p.finished_at)}` : ''),
    h('progress', { max: total, value: Math.max(0, Math.min(p.position, total)), 'aria-label': `${p.read_model} ${p.mode} progress` }),
    h('p', {}, `${p.events_replayed} events replayed; position ${p.position} of ${p.head}; `
      + `${Math.round(p.events_per_second)} events/s`, p.seconds_left != null && !done ? `; about ${Math.ceil(p.seconds_left)} s left` : ''),
    p.error ? h('p', { class: 'problem' }, `Failed: ${p.error}`) : null,
    p.mode === 'verify' && done && !p.error ? (p.differences?.length
      ? h('div', { class: 'warnings' }, h('strong', {}, `${p.differences.length} difference(s) between the live model and a fresh rebuild`),
        h('ul', {}, p.differences.map((d) => h('li', {}, h('code', {}, d)))))
      : h('p', { class: 'note' }, 'No differences: the live model matches a fresh rebuild.')) : null);
}

export async function readModels(section, _, __, ctx) {
  const timers = new Map();
  ctx.onLeave(() => timers.forEach((t) => clearTimeout(t)));
  const box = problemBox();
  const panels = h('div', { 'aria-live': 'polite' });
  const body = h('div');
  const panel = (name) => {
    let el = panels.querySelector(`[data-model="${CSS.escape(name)}"]`);
    if (!el) { el = h('section', { 'data-model': name, 'aria-label': `${name} progress` }); panels.append(el); }
    return el;
  };
  const poll = async (name) => {
    try {
      const p = await get(`/api/admin/read-models/${seg(name)}/rebuilds/latest`);
      panel(name).replaceChildren(progressView(p));
      if (p.state === 'running') timers.set(name, setTimeout(() => poll(name), 1000));
      else { timers.delete(name); await refresh(); }
    } catch (e) {
      if (!e.loggedOut) showProblem(box, e);
    }
  };
  const start = (name, what) => onClick(h('button', { type: 'button', class: what === 'verifications' ? 'secondary' : null,
    'aria-label': `${what === 'rebuilds' ? 'Rebuild' : 'Verify'} ${name}` }, what === 'rebuilds' ? 'Rebuild' : 'Verify'), box, async () => {
    const p = (await api(`/api/admin/read-models/${seg(name)}/${what}`, { method: 'POST' })).data;
    panel(name).replaceChildren(progressView(p));
    clearTimeout(timers.get(name));
    timers.set(name, setTimeout(() => poll(name), 500));
  });
  const startAll = (what) => onClick(h('button', { type: 'button', class: what === 'verifications' ? 'secondary' : null },
    what === 'rebuilds' ? 'Rebuild all' : 'Verify all'), box, async () => {
    const started = (await api(`/api/admin/read-models/${what}`, { method: 'POST' })).data;
    started.forEach((p) => {
      panel(p.read_model).replaceChildren(progressView(p));
      clearTimeout(timers.get(p.read_model));
      timers.set(p.read_model, setTimeout(() => poll(p.read_model), 500));
    });
  });
  const refresh = async () => {
    const models = await get('/api/admin/read-models');
    body.replaceChildren(table(['Name', 'State', 'Position', 'Head', 'Lag', 'Last rebuild', 'Actions'], models.map((m) => h('tr', {},
      h('th', { scope: 'row' }, m.name), h('td', {}, m.state), h('td', { class: 'num' }, m.position), h('td', { class: 'num' }, m.head),
      h('td', { class: 'num' }, m.lag),
      h('td', {}, m.last_rebuild ? `${m.last_rebuild.mode} ${m.last_rebuild.state} ${utc(m.last_rebuild.finished_at || m.last_rebuild.started_at)}`
        + (m.last_rebuild.mode === 'verify' && m.last_rebuild.state === 'done' ? `, ${m.last_rebuild.differences?.length ?? 0} difference(s)` : '') : '—'),
      h('td', {}, h('div', { class: 'actions' }, start(m.name, 'rebuilds'), start(m.name, 'verifications')))))));
    return models;
  };
  const refreshButton = onClick(h('button', { type: 'button', class: 'secondary' }, 'Refresh'), box, refresh);
  const models = await refresh();
  fill(section, h('h1', {}, 'Read models'),
    h('p', { class: 'muted' }, 'A rebuild replays every event into shadow tables while the live model keeps serving, then '
      + 'switches. A verification rebuilds the same way and lists rows that differ, without switching. "Rebuild all" and '
      + '"Verify all" do every model in one pass over the store.'),
    body, h('div', { class: 'actions' }, refreshButton, startAll('rebuilds'), startAll('verifications')), box, panels);
  models.filter((m) => m.last_rebuild?.state === 'running').forEach((m) => poll(m.name));
}

export async function links(section) {
  const tags = await get('/api/tags?include_retired=true');
  const out = h('ul');
  const tagPick = field({ label: 'Tag', name: 'tag', type: 'select', options: [['', 'all published workshops'], ...tags.map((t) => [t.name, t.name])] });
  const update = () => {
    const t = tagPick.querySelector('select').value;
    out.replaceChildren(...['yaml', 'json', 'csv'].map((f) => {
      const url = `/api/v1/events/published.${f}${t ? `?tag=${seg(t)}` : ''}`;
      return h('li', {}, h('a', { href: url }, url));
    }));
  };
  tagPick.addEventListener('change', update);
  update();
  fill(section, h('h1', {}, 'Exports and API'),
    h('h2', {}, 'Public export of published workshops'),
    h('p', { class: 'muted' }, 'What the websites read every 30 minutes; open to everyone. An unknown tag is an error, never a wider list.'),
    tagPick, out,
    h('h2', {}, 'API documentation'),
    h('ul', {}, h('li', {}, h('a', { href: '/swagger-ui.html' }, 'Swagger UI (/swagger-ui.html)')),
      h('li', {}, h('a', { href: '/v3/api-docs' }, 'OpenAPI description (/v3/api-docs)'))));
}
