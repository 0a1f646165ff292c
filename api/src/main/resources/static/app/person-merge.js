// Merging two people: both side by side, a choice per field, a dry run that shows what moves, then the merge.
import { get, seg } from './api.js';
import { h, fill, field, problemBox, onSubmit, dl, table } from './ui.js';
import { mergeForm } from './merge.js';

const FIELDS = ['id', 'username', 'personal', 'middle', 'family', 'email', 'may_contact', 'gender', 'airport', 'github',
  'twitter', 'url', 'affiliation', 'occupation', 'orcid', 'notes', 'awards', 'qualifications', 'domains', 'tasks'];
const COMBINE = new Set(['notes', 'awards', 'qualifications', 'domains', 'tasks']);

const value = (p, f) => {
  if (f === 'airport') return p.airport_id ?? null;
  if (f === 'awards') return p.awards.map((w) => `${w.badge} (${w.awarded})`).sort().join(', ');
  if (f === 'qualifications') return `${p.lesson_ids.length} lesson(s)`;
  if (f === 'domains') return `${p.domain_ids.length} domain(s)`;
  if (f === 'tasks') return 'see the workshops';
  return p[f] ?? null;
};

async function person(ref) {
  const [p, awards] = await Promise.all([get(`/api/persons/${seg(ref)}`), get(`/api/persons/${seg(ref)}/awards`)]);
  return { ...p, awards };
}

export async function mergePersons(section, _, query) {
  const pickBox = problemBox();
  const pick = h('form', { 'aria-label': 'People to merge' }, h('div', { class: 'grid' },
    field({ label: 'Person A (username or id)', name: 'a', value: query.get('a'), required: true }),
    field({ label: 'Person B (username or id)', name: 'b', value: query.get('b'), required: true })),
  pickBox, h('div', { class: 'actions' }, h('button', {}, 'Compare')));
  const work = h('div');
  onSubmit(pick, pickBox, async (data) => {
    const a = data.get('a').trim(); const b = data.get('b').trim();
    history.replaceState(null, '', `#/merge/persons?a=${seg(a)}&b=${seg(b)}`);
    const [pa, pb] = await Promise.all([person(a), person(b)]);
    compare(work, pa, pb);
  });
  fill(section, h('h1', {}, 'Merge people'),
    h('p', { class: 'muted' }, 'The survivor keeps the chosen values; the other person is archived and frees their '
      + 'username, email and handles. Combining skips duplicates and reports them. No badge, lesson, domain, workshop '
      + 'or other person changes. Preview first: it records nothing.'), pick, work);
  if (query.get('a') && query.get('b')) pick.requestSubmit();
}

function compare(work, a, b) {
  mergeForm(work, { fields: FIELDS, combine: COMBINE, value, a, b, labels: [a.username, b.username],
    path: '/api/persons/merges', body: { person_a: a.id, person_b: b.id }, showResult });
}

const counts = (items) => `${items.awards.length} award(s), ${items.lesson_ids.length} qualification(s), `
  + `${items.domain_ids.length} domain(s), ${items.tasks.length} task(s)`;

function showResult(el, r, a, b) {
  const who = (id) => (id === a.id ? `A (${a.username})` : id === b.id ? `B (${b.username})` : id);
  const { awards, qualifications, domains, tasks, ...fields } = r.result;
  fill(el,
    h('h2', {}, r.dry_run ? 'Preview — nothing recorded yet' : 'Merged'),
    r.dry_run ? null : h('p', { class: 'note', role: 'status' }, 'Merged. Survivor: ',
      h('a', { href: `#/persons/${r.survivor}` }, r.person?.username || r.survivor), '.'),
    h('p', {}, `Survivor: ${who(r.survivor)}; absorbed and archived: ${who(r.absorbed)}.`),
    r.warnings.length ? h('ul', { class: 'note' }, r.warnings.map((w) => h('li', {}, w))) : null,
    h('h3', {}, 'Resulting person'), dl(Object.entries(fields)),
    dl([['moved', counts(r.moved)], ['skipped duplicates', counts(r.skipped_duplicates)],
      ['unlinked from the survivor', counts(r.removed)], ['not carried over', counts(r.dropped)],
      ['awards given by the absorbed person (kept)', String(r.awards_given_by_absorbed.length)],
      ['survivor holds', `${awards.length} award(s), ${qualifications.length} qualification(s), `
        + `${domains.length} domain(s), ${tasks.length} task(s)`]]),
    h('h3', {}, r.dry_run ? 'Events that would be recorded' : 'Events recorded'),
    table(['Event', 'Record'], r.events.map((e) => h('tr', {}, h('td', {}, e.type),
      h('td', {}, e.record === 'person' ? who(e.record_id) : `workshop ${e.record_id}`)))));
}
