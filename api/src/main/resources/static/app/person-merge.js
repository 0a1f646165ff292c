// Merging two people: both side by side, a choice per field, a dry run that shows what moves, then the merge.
import { api, get, seg } from './api.js';
import { h, fill, field, reasonField, problemBox, onSubmit, dl, table, show } from './ui.js';

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
  const rows = FIELDS.map((f) => {
    const va = value(a, f); const vb = value(b, f);
    const differs = JSON.stringify(va) !== JSON.stringify(vb);
    const choices = ['a', 'b', ...(COMBINE.has(f) ? ['combine'] : [])];
    return h('tr', { class: differs ? 'differs' : null },
      h('th', { scope: 'row' }, f === 'id' ? 'id (survivor)' : f), h('td', {}, show(va)), h('td', {}, show(vb)),
      h('td', {}, differs ? 'differs' : h('span', { class: 'muted' }, 'same')),
      h('td', { class: 'radios' }, choices.map((c) => h('label', {},
        h('input', { type: 'radio', name: `strategy.${f}`, value: c, checked: c === 'a', 'aria-label': `${f}: ${c}` }), c))));
  });
  const box = problemBox();
  const result = h('div', { 'aria-live': 'polite' });
  const preview = h('button', { value: 'preview' }, 'Preview (dry run)');
  const go = h('button', { value: 'merge', class: 'danger', disabled: true, 'data-off': true }, 'Merge');
  const off = (button, yes) => { button.toggleAttribute('data-off', yes); button.disabled = yes; };
  const form = h('form', { 'aria-label': 'Merge choices' },
    table(['Field', `A: ${a.username}`, `B: ${b.username}`, 'Differs', 'Take'], rows), reasonField(), box,
    h('div', { class: 'actions' }, preview, go, h('span', { class: 'muted' }, 'Merge is enabled after a preview of the same choices.')),
    result);
  form.addEventListener('change', (ev) => { if (ev.target.type === 'radio') { off(go, true); result.replaceChildren(); } });
  onSubmit(form, box, async (data, submitter) => {
    const dryRun = submitter?.value !== 'merge';
    const strategy = Object.fromEntries(FIELDS.map((f) => [f, data.get(`strategy.${f}`)]));
    const { data: r } = await api('/api/persons/merges', { method: 'POST', reason: data.get('reason'),
      body: { person_a: a.id, person_b: b.id, strategy, dry_run: dryRun } });
    showResult(result, r, a, b);
    off(go, !dryRun);
    if (!dryRun) {
      off(preview, true);
      form.querySelectorAll('input').forEach((e) => { e.disabled = true; });
    }
  });
  fill(work, h('h2', {}, 'Choose per field'), form);
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
