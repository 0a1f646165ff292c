// Workshops: the filtered list, one workshop (fields, edit, tags, state, issues, tasks, history) and scheduling
// a new one.
import { api, get, seg } from './api.js';
import { h, fill, field, reasonField, problemBox, onSubmit, onClick, dl, table, note, show, utc, historyTable, changed,
  personPicker } from './ui.js';

const number = (s) => (Number.isFinite(Number(s)) ? Number(s) : s);
export const INVOICE = ['unknown', 'invoiced', 'not-invoiced', 'na-historic', 'na-member', 'na-self-org', 'na-waiver', 'na-other'];
export const ISSUES = { 'missing-start': 'No start date', 'bad-dates': 'End is before start', 'missing-url': 'No website URL',
  'missing-attendance': 'No attendance although it is over', 'missing-country': 'No country', 'missing-venue': 'No venue',
  'missing-address': 'No address', 'missing-latitude': 'No latitude', 'missing-longitude': 'No longitude' };

/** The workshop's editable fields, in AMY's names; kind says how to show and parse them. */
export const FIELDS = [
  ['slug', 'Slug'], ['host', 'Host', 'org'], ['administrator', 'Administrator', 'org?'], ['start', 'Start', 'date'],
  ['end', 'End', 'date'], ['url', 'Website URL'], ['registration_key', 'Registration key'],
  ['attendance', 'Attendance', 'number'], ['admin_fee', 'Admin fee', 'decimal'], ['invoice_status', 'Invoice status', 'invoice'],
  ['contact', 'Contact'], ['country', 'Country (ISO code)'], ['venue', 'Venue'], ['address', 'Address'],
  ['latitude', 'Latitude', 'decimal'], ['longitude', 'Longitude', 'decimal'], ['learners_pre', 'Learners pre-survey'],
  ['learners_post', 'Learners post-survey'], ['instructors_pre', 'Instructors pre-survey'],
  ['instructors_post', 'Instructors post-survey'], ['learners_longterm', 'Learners long-term survey'],
  ['notes', 'Notes', 'textarea'],
].map(([name, label, kind = 'text']) => ({ name, label, kind, parse: ['number', 'decimal'].includes(kind) ? number : null }));

/** A workshop's fields as form values (organisations by domain). */
const values = (w) => Object.fromEntries(FIELDS.map((f) => [f.name,
  f.kind.startsWith('org') ? w[f.name]?.domain ?? '' : w[f.name] ?? '']));

function input(f, value, orgs) {
  const common = { label: f.label, name: f.name, value, className: f.kind === 'textarea' ? 'wide' : null };
  switch (f.kind) {
    case 'org': case 'org?': return field({ ...common, type: 'select', options: [['', f.kind === 'org' ? 'choose…' : '(none)'],
      ...orgs.map((o) => [o.domain, `${o.domain} — ${o.fullname}`])] });
    case 'invoice': return field({ ...common, type: 'select', options: INVOICE.map((c) => [c, c]) });
    case 'date': return field({ ...common, type: 'date' });
    case 'number': return field({ ...common, type: 'number', step: 1, min: 0 });
    case 'decimal': return field({ ...common, type: 'number', step: 'any' });
    case 'textarea': return field({ ...common, type: 'textarea' });
    default: return field(common);
  }
}

const tagNames = (w) => w.tags.map((t) => (t.retired ? `${t.name} (retired)` : t.name)).join(', ');

export async function list(section, _, query) {
  const [tags, orgs] = await Promise.all([get('/api/tags?include_retired=true'), get('/api/organisations')]);
  const params = new URLSearchParams(query);
  if (!params.has('page_size')) params.set('page_size', '50');
  const page = (await api(`/api/workshops?${params}`)).data;
  const any = [['', 'any'], ['true', 'yes'], ['false', 'no']];
  const box = problemBox();
  const form = h('form', { role: 'search', 'aria-label': 'Filter workshops' }, h('div', { class: 'grid' },
    field({ label: 'Search (slug, url, contact, venue, address)', name: 'q', type: 'search', value: query.get('q') }),
    field({ label: 'Tags (all must match)', name: 'tag', type: 'select', multiple: true, size: 4, value: query.getAll('tag'),
      options: tags.map((t) => [t.name, t.retired ? `${t.name} (retired)` : t.name]) }),
    field({ label: 'Host', name: 'host', type: 'select', value: query.get('host'),
      options: [['', 'any'], ...orgs.map((o) => [o.domain, o.domain])] }),
    field({ label: 'Published', name: 'published', type: 'select', options: any, value: query.get('published') }),
    field({ label: 'Completed', name: 'completed', type: 'select', options: any, value: query.get('completed') }),
    field({ label: 'Archived', name: 'archived', type: 'select', value: query.get('archived'),
      options: [['', 'no (live workshops)'], ['true', 'yes (archived only)']] }),
    field({ label: 'Timing', name: 'timing', type: 'select', value: query.get('timing'),
      options: [['', 'any'], ['past', 'past'], ['ongoing', 'ongoing'], ['upcoming', 'upcoming']] }),
    field({ label: 'Start on or after', name: 'start_after', type: 'date', value: query.get('start_after') }),
    field({ label: 'Start on or before', name: 'start_before', type: 'date', value: query.get('start_before') }),
    field({ label: 'Order', name: 'ordering', type: 'select', value: query.get('ordering'), options: [['', 'newest start first'],
      ['start', 'oldest start first'], ['-end', 'latest end first'], ['end', 'earliest end first'], ['slug', 'slug A–Z'],
      ['-slug', 'slug Z–A'], ['-created', 'newest created first'], ['created', 'oldest created first']] })),
  h('div', { class: 'actions' }, h('button', {}, 'Apply filters'), h('a', { href: '#/workshops' }, 'Reset')), box);
  onSubmit(form, box, async (data) => {
    const next = new URLSearchParams();
    for (const [k, v] of data) if (v !== '') next.append(k, v);
    location.hash = `#/workshops?${next}`;
  });

  const size = Number(params.get('page_size'));
  const current = Number(params.get('page') || 1);
  const pages = Math.max(1, Math.ceil(page.count / size));
  const to = (n) => { const p = new URLSearchParams(query); p.set('page', n); return `#/workshops?${p}`; };
  const rows = page.results.map((w) => h('tr', {},
    h('td', {}, h('a', { href: `#/workshops/${seg(w.slug || w.id)}` }, w.slug || w.id)), h('td', {}, show(w.start)),
    h('td', {}, show(w.end)), h('td', {}, show(w.host?.domain)), h('td', {}, tagNames(w)),
    h('td', {}, w.published ? 'yes' : 'no'),
    h('td', { class: 'num', title: w.issues.map((i) => ISSUES[i] || i).join(', ') }, w.issues.length)));
  fill(section, h('h1', {}, 'Workshops'), form,
    h('p', {}, `${page.count} workshop${page.count === 1 ? '' : 's'}`, ' · ', h('a', { href: '#/workshops/new' }, 'New workshop')),
    table(['Slug', 'Start', 'End', 'Host', 'Tags', 'Published', 'Issues'], rows, 'No workshop matches these filters.'),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      page.previous ? h('a', { href: to(current - 1) }, '← Previous') : null,
      h('span', {}, `Page ${current} of ${pages}`),
      page.next ? h('a', { href: to(current + 1) }, 'Next →') : null));
}

export async function detail(section, [ref], _, ctx, message) {
  const loaded = await api(`/api/workshops/${seg(ref)}`);
  const w = loaded.data;
  const [hist, tags, orgs, tasks, roles] = await Promise.all([get(`/api/workshops/${w.id}/history`), get('/api/tags'),
    get('/api/organisations'), get(`/api/workshops/${w.id}/tasks`), get('/api/roles?include_retired=true')]);
  history.replaceState(null, '', `#/workshops/${seg(w.slug || w.id)}`);
  const reload = (text) => detail(section, [w.id], null, ctx, typeof text === 'string' ? text : null);
  const base = `/api/workshops/${w.id}`;

  const editBox = problemBox();
  const edit = h('form', { 'aria-label': 'Edit workshop' },
    h('div', { class: 'grid' }, FIELDS.map((f) => input(f, values(w)[f.name], orgs)), reasonField()),
    editBox, h('div', { class: 'actions' }, h('button', {}, 'Save changes')));
  onSubmit(edit, editBox, async (data) => {
    const patch = changed(edit, FIELDS, values(w));
    if (!Object.keys(patch).length) { editBox.hidden = false; editBox.textContent = 'Nothing changed.'; return; }
    await api(base, { method: 'PATCH', body: patch, etag: loaded.etag, reason: data.get('reason') });
    await reload(`Saved: ${Object.keys(patch).join(', ')}.`);
  }, reload);

  // Tags, state changes and tasks share one reason; tags and state share one place for errors.
  const actBox = problemBox();
  const reason = field({ label: 'Reason for the changes below (optional)', name: 'reason', maxlength: 500 });
  const act = (button, method, path, done) => onClick(button, actBox, async () => {
    await api(path, { method, reason: reason.querySelector('input').value });
    await reload(done);
  });
  const assignable = tags.filter((t) => !w.tags.some((x) => x.id === t.id));
  const pick = field({ label: 'Tag to assign', name: 'assign', type: 'select',
    options: [['', 'choose…'], ...assignable.map((t) => [t.id, t.name])] });
  const assign = h('button', { type: 'button' }, 'Assign tag');
  onClick(assign, actBox, async () => {
    const id = pick.querySelector('select').value;
    if (!id) throw new Error('Choose a tag to assign first.');
    await api(`${base}/tags/${id}`, { method: 'PUT', reason: reason.querySelector('input').value });
    await reload('Tag assigned.');
  });
  const chips = h('ul', { class: 'chips', 'aria-label': 'Tags' }, w.tags.map((t) => h('li', {},
    h('a', { href: `#/tags/${t.id}` }, t.name), t.retired ? h('span', { class: 'badge retired' }, 'retired') : null,
    act(h('button', { type: 'button', class: 'secondary', 'aria-label': `Unassign tag ${t.name}` }, '×'),
      'DELETE', `${base}/tags/${t.id}`, `Tag ${t.name} unassigned.`))));
  const state = [
    w.completed ? act(h('button', { type: 'button', class: 'secondary' }, 'Reopen (not completed)'), 'DELETE', `${base}/completed`, 'Reopened.')
      : act(h('button', { type: 'button' }, 'Mark completed'), 'PUT', `${base}/completed`, 'Marked completed.'),
    w.archived ? act(h('button', { type: 'button' }, 'Restore'), 'DELETE', `${base}/archived`, 'Restored.')
      : act(h('button', { type: 'button', class: 'danger' }, 'Archive'), 'PUT', `${base}/archived`, 'Archived.'),
  ];

  // Tasks: who has which role; errors of adding and removing show under the add form.
  const taskBox = problemBox();
  const roleName = (id) => roles.find((r) => r.id === id)?.name ?? id;
  const taskRows = tasks.map((t) => h('tr', {},
    h('td', {}, h('a', { href: `#/persons/${seg(t.username || t.person_id)}` }, show(t.full_name))), h('td', {}, show(t.username)),
    h('td', {}, roleName(t.role_id)),
    h('td', {}, onClick(h('button', { type: 'button', class: 'secondary',
      'aria-label': `Remove ${t.full_name || t.username} as ${roleName(t.role_id)}` }, 'Remove'), taskBox, async () => {
      await api(`${base}/tasks/${t.person_id}/${t.role_id}`, { method: 'DELETE', reason: reason.querySelector('input').value });
      await reload(`${t.full_name || t.username} is no longer ${roleName(t.role_id)}.`);
    }))));
  const addTask = h('form', { 'aria-label': 'Add task', class: 'actions' },
    personPicker({ label: 'Person (type a name; username or id)', name: 'person', required: true }),
    field({ label: 'Role', name: 'role', type: 'select', required: true,
      options: [['', 'choose…'], ...roles.filter((r) => !r.retired).map((r) => [r.name, r.name])] }),
    h('button', {}, 'Add task'));
  onSubmit(addTask, taskBox, async (data) => {
    const person = data.get('person').trim();
    await api(`${base}/tasks/${seg(person)}/${seg(data.get('role'))}`, { method: 'PUT', reason: reason.querySelector('input').value });
    await reload(`${person} is now ${data.get('role')}.`);
  });

  fill(section,
    h('h1', {}, w.slug || w.id, ' ', w.published ? h('span', { class: 'badge yes' }, 'published') : h('span', { class: 'badge' }, 'not published'),
      w.completed ? h('span', { class: 'badge yes' }, 'completed') : null, w.archived ? h('span', { class: 'badge archived' }, 'archived') : null,
      w.timing ? h('span', { class: 'badge' }, w.timing) : null),
    note(message),
    w.merged_into ? h('p', { class: 'warnings' }, 'Merged into ', h('a', { href: `#/workshops/${w.merged_into}` }, w.merged_into)) : null,
    w.issues.length ? h('div', { class: 'warnings', role: 'region', 'aria-label': 'Missing data' }, h('strong', {}, 'Missing data'),
      h('ul', {}, w.issues.map((i) => h('li', {}, ISSUES[i] || i, ' ', h('code', {}, i))))) : null,
    h('h2', {}, 'Fields'),
    dl([['id', w.id], ...FIELDS.map((f) => [f.label, f.kind.startsWith('org') ? (w[f.name] ? `${w[f.name].domain} — ${w[f.name].fullname}` : null) : w[f.name]]),
      ['Tags', tagNames(w)], ['Version', w.version], ['Created', utc(w.created_at)], ['Updated', utc(w.updated_at)]]),
    h('details', {}, h('summary', {}, 'Edit fields'), h('p', { class: 'muted' }, 'Only the fields you change are sent.'), edit),
    h('h2', {}, 'Tags and state'), reason, chips,
    h('div', { class: 'actions' }, pick, assign), h('div', { class: 'actions' }, state), actBox,
    h('h2', {}, 'Tasks'), table(['Full name', 'Username', 'Role', ''], taskRows, 'No tasks yet.'), addTask, taskBox,
    h('h2', {}, 'History'), historyTable(hist));
}

export async function create(section) {
  const [tags, orgs] = await Promise.all([get('/api/tags'), get('/api/organisations')]);
  const box = problemBox();
  const form = h('form', { 'aria-label': 'New workshop' },
    h('div', { class: 'grid' }, FIELDS.map((f) => input(f, f.name === 'invoice_status' ? 'unknown' : '', orgs))),
    h('fieldset', { class: 'checks' }, h('legend', {}, 'Tags (at least one)'),
      tags.length ? tags.map((t) => h('label', {}, h('input', { type: 'checkbox', name: 'tags', value: t.name }), t.name))
        : h('p', {}, 'No tags yet: ', h('a', { href: '#/tags' }, 'create one first'), '.')),
    box, h('div', { class: 'actions' }, h('button', {}, 'Schedule workshop')));
  onSubmit(form, box, async (data) => {
    const body = { tags: data.getAll('tags') };
    for (const f of FIELDS) {
      const v = data.get(f.name);
      if (v !== '' && v !== null) body[f.name] = f.parse ? f.parse(v) : v;
    }
    const made = (await api('/api/workshops', { method: 'POST', body })).data;
    location.hash = `#/workshops/${seg(made.slug || made.id)}`;
  });
  fill(section, h('h1', {}, 'New workshop'), form);
}
