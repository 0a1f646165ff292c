// Reference data: tags (create, details, retire/reinstate) and organisations (search, register, edit), with history.
import { api, get, seg } from './api.js';
import { h, fill, field, reasonField, problemBox, onSubmit, dl, table, note, show, utc, historyTable, changed } from './ui.js';

export async function tags(section) {
  const all = await get('/api/tags?include_retired=true');
  const box = problemBox();
  const form = h('form', { 'aria-label': 'New tag' }, h('div', { class: 'grid' },
    field({ label: 'Name (unique, at most 40 characters)', name: 'name', maxlength: 40, required: true }),
    field({ label: 'Details', name: 'details', className: 'wide' })),
  box, h('div', { class: 'actions' }, h('button', {}, 'Create tag')));
  onSubmit(form, box, async (data) => {
    const made = (await api('/api/tags', { method: 'POST', body: { name: data.get('name'), details: data.get('details') || null } })).data;
    location.hash = `#/tags/${made.id}`;
  });
  fill(section, h('h1', {}, 'Tags'),
    table(['Name', 'Details', 'Retired', 'Live workshops', 'Created (UTC)'], all.map((t) => h('tr', {},
      h('td', {}, h('a', { href: `#/tags/${t.id}` }, t.name)), h('td', {}, show(t.details)),
      h('td', {}, t.retired ? h('span', { class: 'badge retired' }, 'retired') : 'no'),
      h('td', { class: 'num' }, h('a', { href: `#/workshops?tag=${seg(t.name)}`, 'aria-label': `${t.workshop_count} workshops tagged ${t.name}` }, t.workshop_count)),
      h('td', {}, utc(t.created_at)))), 'No tags yet.'),
    h('h2', {}, 'New tag'), form);
}

export async function tag(section, [ref], _, ctx, message) {
  const loaded = await api(`/api/tags/${seg(ref)}`);
  const t = loaded.data;
  const hist = await get(`/api/tags/${t.id}/history`);
  const reload = (text) => tag(section, [t.id], null, ctx, typeof text === 'string' ? text : null);

  const editBox = problemBox();
  const edit = h('form', { 'aria-label': 'Edit tag details' },
    field({ label: 'Details', name: 'details', type: 'textarea', value: t.details }), reasonField(), editBox,
    h('div', { class: 'actions' }, h('button', {}, 'Save details')));
  onSubmit(edit, editBox, async (data) => {
    await api(`/api/tags/${t.id}`, { method: 'PATCH', etag: loaded.etag, reason: data.get('reason'),
      body: { details: data.get('details') || null } });
    await reload('Details saved.');
  }, reload);

  const stateBox = problemBox();
  const state = h('form', { 'aria-label': t.retired ? 'Reinstate tag' : 'Retire tag' },
    h('p', { class: 'muted' }, t.retired ? 'Reinstating lets admins assign this tag again.'
      : 'Retiring stops new assignments; workshops that carry the tag keep it.'),
    reasonField(), stateBox, h('div', { class: 'actions' },
      h('button', { class: t.retired ? null : 'danger' }, t.retired ? 'Reinstate tag' : 'Retire tag')));
  onSubmit(state, stateBox, async (data) => {
    await api(`/api/tags/${t.id}/retired`, { method: t.retired ? 'DELETE' : 'PUT', reason: data.get('reason') });
    await reload(t.retired ? 'Reinstated.' : 'Retired.');
  });

  fill(section, h('h1', {}, 'Tag ', t.name, ' ', t.retired ? h('span', { class: 'badge retired' }, 'retired') : null),
    note(message),
    dl([['id', t.id], ['Name', t.name], ['Details', t.details], ['Retired', t.retired],
      ['Live workshops', h('a', { href: `#/workshops?tag=${seg(t.name)}` }, String(t.workshop_count))],
      ['Public export', h('a', { href: `/api/v1/events/published.yaml?tag=${seg(t.name)}` }, `published.yaml?tag=${t.name}`)],
      ['Version', t.version], ['Created', utc(t.created_at)], ['Updated', utc(t.updated_at)]]),
    h('h2', {}, 'Edit details'), edit,
    h('h2', {}, t.retired ? 'Reinstate' : 'Retire'), state,
    h('h2', {}, 'History'), historyTable(hist));
}

const ORG_FIELDS = [['domain', 'Domain (such as math.esu.edu)'], ['fullname', 'Full name'],
  ['country', 'Country (ISO code, EU or W3)'], ['notes', 'Notes', 'textarea']]
  .map(([name, label, type]) => ({ name, label, type }));
const orgInputs = (o = {}) => ORG_FIELDS.map((f) => field({ ...f, value: o[f.name], className: f.type ? 'wide' : null }));

export async function organisations(section, _, query) {
  const q = query.get('q') || '';
  const all = await get(`/api/organisations${q ? `?q=${seg(q)}` : ''}`);
  const search = h('form', { role: 'search', 'aria-label': 'Search organisations', class: 'actions' },
    field({ label: 'Search domain or full name', name: 'q', type: 'search', value: q }), h('button', {}, 'Search'));
  search.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = new FormData(search).get('q').trim();
    location.hash = v ? `#/organisations?q=${seg(v)}` : '#/organisations';
  });
  const box = problemBox();
  const form = h('form', { 'aria-label': 'New organisation' }, h('div', { class: 'grid' }, orgInputs()), box,
    h('div', { class: 'actions' }, h('button', {}, 'Register organisation')));
  onSubmit(form, box, async (data) => {
    const body = Object.fromEntries(ORG_FIELDS.map((f) => [f.name, data.get(f.name) || null]));
    const made = (await api('/api/organisations', { method: 'POST', body })).data;
    location.hash = `#/organisations/${seg(made.domain)}`;
  });
  fill(section, h('h1', {}, 'Organisations'), search,
    table(['Domain', 'Full name', 'Country', 'Workshops hosted'], all.map((o) => h('tr', {},
      h('td', {}, h('a', { href: `#/organisations/${seg(o.domain)}` }, o.domain)), h('td', {}, o.fullname),
      h('td', {}, show(o.country)), h('td', {}, h('a', { href: `#/workshops?host=${seg(o.domain)}`, 'aria-label': `Workshops hosted by ${o.domain}` }, 'workshops')))),
    q ? 'No organisation matches.' : 'No organisations yet.'),
    h('h2', {}, 'New organisation'), form);
}

export async function organisation(section, [ref], _, ctx, message) {
  const loaded = await api(`/api/organisations/${seg(ref)}`);
  const o = loaded.data;
  const hist = await get(`/api/organisations/${o.id}/history`);
  history.replaceState(null, '', `#/organisations/${seg(o.domain)}`);
  const reload = (text) => organisation(section, [o.id], null, ctx, typeof text === 'string' ? text : null);
  const box = problemBox();
  const form = h('form', { 'aria-label': 'Edit organisation' }, h('div', { class: 'grid' }, orgInputs(o), reasonField()), box,
    h('div', { class: 'actions' }, h('button', {}, 'Save changes')));
  onSubmit(form, box, async (data) => {
    const patch = changed(form, ORG_FIELDS, o);
    if (!Object.keys(patch).length) { box.hidden = false; box.textContent = 'Nothing changed.'; return; }
    await api(`/api/organisations/${o.id}`, { method: 'PATCH', body: patch, etag: loaded.etag, reason: data.get('reason') });
    await reload(`Saved: ${Object.keys(patch).join(', ')}.`);
  }, reload);
  fill(section, h('h1', {}, o.domain), note(message),
    dl([['id', o.id], ...ORG_FIELDS.map((f) => [f.label, o[f.name]]), ['Workshops', h('a', { href: `#/workshops?host=${seg(o.domain)}` }, 'hosted here')],
      ['Version', o.version], ['Created', utc(o.created_at)], ['Updated', utc(o.updated_at)]]),
    h('h2', {}, 'Edit'), h('p', { class: 'muted' }, 'Only the fields you change are sent.'), form,
    h('h2', {}, 'History'), historyTable(hist));
}
