// People: the filtered list, one person (fields, edit, archive, erasure, awards, history) and registering a new one.
import { api, get, seg } from './api.js';
import { h, fill, field, reasonField, problemBox, onSubmit, onClick, showProblem, dl, table, note, show, utc, historyTable,
  changed } from './ui.js';

export const GENDERS = [['U', 'U — undisclosed'], ['M', 'M — male'], ['F', 'F — female'], ['O', 'O — other']];
const YES_NO = [['true', 'yes'], ['false', 'no']];
const ANY = [['', 'any'], ...YES_NO];
const bool = (s) => s === 'true';

/** The person's editable fields, in AMY's names; personal ones are gone after erasure. */
export const FIELDS = [
  ['personal', 'Personal name'], ['middle', 'Middle name'], ['family', 'Family name'], ['username', 'Username'],
  ['email', 'Email', 'email', true], ['gender', 'Gender', 'gender', true], ['airport', 'Airport (IATA code)', 'text', true],
  ['github', 'GitHub handle', 'text', true], ['twitter', 'Twitter handle', 'text', true], ['url', 'Website URL', 'url', true],
  ['orcid', 'ORCID', 'text', true], ['occupation', 'Occupation', 'text', true], ['affiliation', 'Affiliation', 'text', true],
  ['may_contact', 'May contact', 'bool'], ['notes', 'Notes', 'textarea', true],
].map(([name, label, kind = 'text', personal = false]) => ({ name, label, kind, personal, parse: kind === 'bool' ? bool : null }));

/** A person's fields as form values (the airport by IATA code). */
const values = (p, airport) => Object.fromEntries(FIELDS.map((f) => [f.name,
  f.name === 'airport' ? airport?.iata ?? '' : f.kind === 'bool' ? String(p[f.name]) : p[f.name] ?? '']));

function input(f, value) {
  const common = { label: f.label, name: f.name, value, className: f.kind === 'textarea' ? 'wide' : null };
  switch (f.kind) {
    case 'gender': return field({ ...common, type: 'select', options: [['', '(not given)'], ...GENDERS] });
    case 'bool': return field({ ...common, type: 'select', options: YES_NO });
    case 'textarea': return field({ ...common, type: 'textarea' });
    default: return field({ ...common, type: f.kind });
  }
}

/** The names of the ids among a catalogue (lessons, domains), sorted; an id the catalogue lacks is shown as it is. */
const names = (all, ids) => (ids || []).map((id) => all.find((x) => x.id === id)?.name ?? id).sort();

const personLink = (p) => h('a', { href: `#/persons/${seg(p.username || p.id)}` }, p.full_name || p.username || p.id);

export async function list(section, _, query) {
  const badges = await get('/api/badges?include_retired=true');
  const params = new URLSearchParams(query);
  if (!params.has('page_size')) params.set('page_size', '50');
  // A filter the server rejects (an unknown badge or country) is shown next to the form rather than as a broken page.
  let failed = null;
  const page = await get(`/api/persons?${params}`).catch((e) => {
    if (e.status !== 400) throw e;
    failed = e;
    return { count: 0, next: null, previous: null, results: [] };
  });
  const box = problemBox();
  const form = h('form', { role: 'search', 'aria-label': 'Filter people' }, h('div', { class: 'grid' },
    field({ label: 'Search (name, email, username)', name: 'q', type: 'search', value: query.get('q') }),
    field({ label: 'Badges (all required)', name: 'badge', type: 'select', multiple: true, size: 4, value: query.getAll('badge'),
      options: badges.map((b) => [b.name, b.retired ? `${b.name} (retired)` : b.name]) }),
    field({ label: 'Instructor (swc- or dc-instructor badge)', name: 'is_instructor', type: 'select', options: ANY, value: query.get('is_instructor') }),
    field({ label: 'May contact', name: 'may_contact', type: 'select', options: ANY, value: query.get('may_contact') }),
    field({ label: 'Country (ISO code, of their airport)', name: 'country', maxlength: 2, value: query.get('country') }),
    field({ label: 'Archived', name: 'archived', type: 'select', value: query.get('archived'),
      options: [['', 'no (live people)'], ['true', 'yes (archived only)']] })),
  h('div', { class: 'actions' }, h('button', {}, 'Apply filters'), h('a', { href: '#/persons' }, 'Reset')), box);
  onSubmit(form, box, async (data) => {
    const next = new URLSearchParams();
    for (const [k, v] of data) if (v !== '') next.append(k, v);
    location.hash = `#/persons?${next}`;
  });

  if (failed) showProblem(box, failed, form);
  const size = Number(params.get('page_size'));
  const current = Number(params.get('page') || 1);
  const pages = Math.max(1, Math.ceil(page.count / size));
  const to = (n) => { const p = new URLSearchParams(query); p.set('page', n); return `#/persons?${p}`; };
  const rows = page.results.map((p) => h('tr', {}, h('td', {}, personLink(p),
    p.archived ? [' ', h('span', { class: 'badge archived' }, 'archived')] : null,
    p.erased ? [' ', h('span', { class: 'badge retired' }, 'erased')] : null), h('td', {}, show(p.username)),
    h('td', {}, p.erased ? h('span', { class: 'muted' }, 'erased') : show(p.email)),
    h('td', {}, p.may_contact ? 'yes' : 'no')));
  fill(section, h('h1', {}, 'People'), form,
    h('p', {}, `${page.count} ${page.count === 1 ? 'person' : 'people'}`, ' · ', h('a', { href: '#/persons/new' }, 'New person')),
    table(['Full name', 'Username', 'Email', 'May contact'], rows, 'No person matches these filters.'),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      page.previous ? h('a', { href: to(current - 1) }, '← Previous') : null,
      h('span', {}, `Page ${current} of ${pages}`),
      page.next ? h('a', { href: to(current + 1) }, 'Next →') : null));
}

export async function detail(section, [ref], _, ctx, message) {
  const loaded = await api(`/api/persons/${seg(ref)}`);
  const p = loaded.data;
  const base = `/api/persons/${p.id}`;
  const [hist, awards, badges, airport, lessons, domains, tasks] = await Promise.all([get(`${base}/history`), get(`${base}/awards`),
    get('/api/badges'), p.airport_id ? get(`/api/airports/${p.airport_id}`).catch(() => null) : null,
    get('/api/lessons?include_retired=true'), get('/api/knowledge-domains?include_retired=true'), get(`${base}/tasks`)]);
  history.replaceState(null, '', `#/persons/${seg(p.username || p.id)}`);
  const reload = (text) => detail(section, [p.id], null, ctx, typeof text === 'string' ? text : null);
  const current = values(p, airport);

  const editBox = problemBox();
  const editable = FIELDS.filter((f) => !(p.erased && f.personal));
  // Lessons and knowledge domains are sets: the whole set is sent when it changed, by name.
  const sets = [['lessons', 'Lessons (qualifications)', lessons, p.lesson_ids], ['domains', 'Knowledge domains', domains, p.domain_ids]]
    .map(([name, label, all, held]) => ({ name, label, held: names(all, held),
      options: all.filter((x) => !x.retired || held.includes(x.id)).map((x) => [x.name, x.retired ? `${x.name} (retired)` : x.name]) }));
  const edit = h('form', { 'aria-label': 'Edit person' },
    h('div', { class: 'grid' }, editable.map((f) => input(f, current[f.name])),
      sets.map((s) => field({ label: `${s.label} (all that apply)`, name: s.name, type: 'select', multiple: true, size: 6,
        value: s.held, options: s.options })), reasonField()),
    editBox, h('div', { class: 'actions' }, h('button', {}, 'Save changes')));
  onSubmit(edit, editBox, async (data) => {
    const patch = changed(edit, editable, current);
    for (const s of sets) {
      const chosen = data.getAll(s.name);
      if ([...chosen].sort().join('\n') !== [...s.held].sort().join('\n')) patch[s.name] = chosen;
    }
    if (!Object.keys(patch).length) { editBox.hidden = false; editBox.textContent = 'Nothing changed.'; return; }
    await api(base, { method: 'PATCH', body: patch, etag: loaded.etag, reason: data.get('reason') });
    await reload(`Saved: ${Object.keys(patch).join(', ')}.`);
  }, reload);

  // Archive, erasure and awards share one reason and one place for errors.
  const actBox = problemBox();
  const reason = field({ label: 'Reason for the changes below (optional)', name: 'reason', maxlength: 500 });
  const why = () => reason.querySelector('input').value;
  const act = (button, method, path, done, ask) => onClick(button, actBox, async () => {
    if (ask && !window.confirm(ask)) return;
    await api(path, { method, reason: why() });
    await reload(done);
  });
  const state = [
    p.archived ? act(h('button', { type: 'button' }, 'Restore'), 'DELETE', `${base}/archived`, 'Restored.')
      : act(h('button', { type: 'button', class: 'danger' }, 'Archive'), 'PUT', `${base}/archived`, 'Archived.'),
    p.erased ? null : act(h('button', { type: 'button', class: 'danger' }, 'Erase personal data'), 'POST', `${base}/erasure`,
      'Personal data erased.', `Erase the personal data of ${p.full_name}? Email, gender, airport, handles, URL, ORCID, `
        + 'occupation, affiliation and notes become unreadable, also in history. Names and teaching history stay. '
        + 'This cannot be undone.'),
  ];

  const badgeName = (a) => a.badge || badges.find((b) => b.id === a.badge_id)?.name || a.badge_id;
  const held = new Set(awards.map((a) => a.badge_id));
  const pick = field({ label: 'Badge to award', name: 'badge', type: 'select',
    options: [['', 'choose…'], ...badges.filter((b) => !held.has(b.id)).map((b) => [b.name, b.title ? `${b.name} — ${b.title}` : b.name])] });
  const date = field({ label: 'Awarded on (optional, default today)', name: 'awarded', type: 'date' });
  const award = onClick(h('button', { type: 'button' }, 'Award badge'), actBox, async () => {
    const badge = pick.querySelector('select').value;
    if (!badge) throw new Error('Choose a badge to award first.');
    const awarded = date.querySelector('input').value;
    await api(`${base}/awards/${seg(badge)}`, { method: 'PUT', body: awarded ? { awarded } : undefined, reason: why() });
    await reload(`Badge ${badge} awarded.`);
  });
  const awardRows = awards.map((a) => h('tr', {}, h('td', {}, badgeName(a)), h('td', {}, show(a.awarded)),
    h('td', {}, a.workshop_id ? h('a', { href: `#/workshops/${a.workshop_id}` }, 'workshop') : '—'),
    h('td', {}, a.awarded_by ? h('a', { href: `#/persons/${a.awarded_by}` }, 'person') : '—'),
    h('td', {}, act(h('button', { type: 'button', class: 'secondary', 'aria-label': `Revoke badge ${badgeName(a)}` }, 'Revoke'),
      'DELETE', `${base}/awards/${a.badge_id}`, `Badge ${badgeName(a)} revoked.`,
      `Revoke the badge ${badgeName(a)} from ${p.full_name}?`))));

  const erased = h('span', { class: 'muted' }, 'erased');
  const shown = (f) => {
    if (p.erased && f.personal) return erased.cloneNode(true);
    if (f.name === 'airport') return airport ? `${airport.iata} — ${airport.fullname} (${airport.country})` : p.airport_id;
    if (f.name === 'gender') return GENDERS.find(([g]) => g === p.gender)?.[1] ?? p.gender;
    return p[f.name];
  };
  fill(section,
    h('h1', {}, p.full_name, ' ', p.archived ? h('span', { class: 'badge archived' }, 'archived') : null,
      p.erased ? h('span', { class: 'badge retired' }, 'erased') : null),
    note(message),
    h('h2', {}, 'Fields'),
    dl([['id', p.id], ['Full name', p.full_name], ...FIELDS.map((f) => [f.label, shown(f)]),
      ['Lessons', names(lessons, p.lesson_ids)], ['Knowledge domains', names(domains, p.domain_ids)], ['Version', p.version],
      ['Created', utc(p.created_at)], ['Updated', utc(p.updated_at)],
      ['Personal data', h('a', { href: `${base}/personal-data`, download: `${p.username || p.id}.json` }, 'Download as JSON')]]),
    h('details', {}, h('summary', {}, 'Edit fields'), h('p', { class: 'muted' }, 'Only the fields you change are sent.'), edit),
    h('h2', {}, 'Badges and state'), reason,
    table(['Badge', 'Awarded', 'Workshop', 'Awarded by', ''], awardRows, 'No badges.'),
    h('div', { class: 'actions' }, pick, date, award), h('div', { class: 'actions' }, state), actBox,
    h('h2', {}, 'Tasks'),
    table(['Workshop', 'Start', 'Role'], tasks.map((t) => h('tr', {},
      h('td', {}, h('a', { href: `#/workshops/${seg(t.slug || t.workshop_id)}` }, t.slug || t.workshop_id),
        t.archived ? [' ', h('span', { class: 'badge archived' }, 'archived')] : null),
      h('td', {}, show(t.start)), h('td', {}, show(t.role)))), 'No tasks.'),
    h('h2', {}, 'History'), historyTable(hist));
}

export async function create(section) {
  const box = problemBox();
  const NEW = ['personal', 'family', 'email', 'gender', 'airport', 'github', 'twitter', 'may_contact'];
  const fields = FIELDS.filter((f) => NEW.includes(f.name));
  const form = h('form', { 'aria-label': 'New person' },
    h('div', { class: 'grid' }, fields.map((f) => input(f, f.name === 'may_contact' ? 'true' : ''))),
    h('p', { class: 'muted' }, 'Without a username AMY makes one from the family and personal names.'),
    box, h('div', { class: 'actions' }, h('button', {}, 'Register person')));
  form.elements.personal.required = true;
  form.elements.family.required = true;
  onSubmit(form, box, async (data) => {
    const body = {};
    for (const f of fields) {
      const v = data.get(f.name);
      if (v !== '' && v !== null) body[f.name] = f.parse ? f.parse(v) : v;
    }
    const made = (await api('/api/persons', { method: 'POST', body })).data;
    location.hash = `#/persons/${seg(made.username || made.id)}`;
  });
  fill(section, h('h1', {}, 'New person'), form);
}
