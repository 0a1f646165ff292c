// Merging two workshops: both side by side, a choice per field, a dry run that shows the events, then the merge.
import { api, get, seg } from './api.js';
import { h, fill, field, reasonField, problemBox, onSubmit, dl, table, show } from './ui.js';

const FIELDS = ['id', 'slug', 'completed', 'start', 'end', 'host', 'administrator', 'url', 'registration_key', 'admin_fee',
  'invoice_status', 'attendance', 'country', 'latitude', 'longitude', 'learners_pre', 'learners_post', 'instructors_pre',
  'instructors_post', 'learners_longterm', 'contact', 'venue', 'address', 'notes', 'tags'];
const COMBINE = new Set(['contact', 'venue', 'address', 'notes', 'tags']);

const value = (w, f) => {
  if (f === 'host' || f === 'administrator') return w[f]?.domain ?? null;
  if (f === 'tags') return w.tags.map((t) => t.name).sort().join(', ');
  return w[f] ?? null;
};

export async function merge(section, _, query) {
  const recent = (await get('/api/workshops?ordering=-created&page_size=1000')).results;
  const pickBox = problemBox();
  const pick = h('form', { 'aria-label': 'Workshops to merge' }, h('div', { class: 'grid' },
    field({ label: 'Workshop A (slug or id)', name: 'a', value: query.get('a'), list: 'slugs', required: true }),
    field({ label: 'Workshop B (slug or id)', name: 'b', value: query.get('b'), list: 'slugs', required: true })),
  h('datalist', { id: 'slugs' }, recent.map((w) => h('option', { value: w.slug || w.id }))),
  pickBox, h('div', { class: 'actions' }, h('button', {}, 'Compare')));
  const work = h('div');
  onSubmit(pick, pickBox, async (data) => {
    const a = data.get('a').trim(); const b = data.get('b').trim();
    history.replaceState(null, '', `#/merge?a=${seg(a)}&b=${seg(b)}`);
    const [wa, wb] = await Promise.all([get(`/api/workshops/${seg(a)}`), get(`/api/workshops/${seg(b)}`)]);
    compare(work, wa, wb);
  });
  fill(section, h('h1', {}, 'Merge workshops'),
    h('p', { class: 'muted' }, 'The survivor keeps the chosen values; the other workshop is archived. No tag and no other '
      + 'workshop changes. Preview first: it records nothing.'), pick, work);
  if (query.get('a') && query.get('b')) pick.requestSubmit();
}

function compare(work, a, b) {
  mergeForm(work, { fields: FIELDS, combine: COMBINE, value, a, b, labels: [a.slug, b.slug],
    path: '/api/workshops/merges', body: { workshop_a: a.id, workshop_b: b.id }, showResult });
}

/**
 * The choices table shared by both merge pages: one radio per field, a preview (dry run) that must come first, then
 * the merge. {@code body} holds the two records; the strategy and dry_run are added.
 */
export function mergeForm(work, { fields, combine, value: valueOf, a, b, labels, path, body, showResult: shown }) {
  const rows = fields.map((f) => {
    const va = valueOf(a, f); const vb = valueOf(b, f);
    const differs = JSON.stringify(va) !== JSON.stringify(vb);
    const choices = ['a', 'b', ...(combine.has(f) ? ['combine'] : [])];
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
    table(['Field', `A: ${labels[0]}`, `B: ${labels[1]}`, 'Differs', 'Take'], rows), reasonField(), box,
    h('div', { class: 'actions' }, preview, go, h('span', { class: 'muted' }, 'Merge is enabled after a preview of the same choices.')),
    result);
  form.addEventListener('change', (ev) => { if (ev.target.type === 'radio') { off(go, true); result.replaceChildren(); } });
  onSubmit(form, box, async (data, submitter) => {
    const dryRun = submitter?.value !== 'merge';
    const strategy = Object.fromEntries(fields.map((f) => [f, data.get(`strategy.${f}`)]));
    const { data: r } = await api(path, { method: 'POST', reason: data.get('reason'),
      body: { ...body, strategy, dry_run: dryRun } });
    shown(result, r, a, b);
    off(go, !dryRun);
    if (!dryRun) {
      off(preview, true);
      form.querySelectorAll('input').forEach((e) => { e.disabled = true; });
    }
  });
  fill(work, h('h2', {}, 'Choose per field'), form);
}

function showResult(el, r, a, b) {
  const who = (id) => (id === a.id ? `A (${a.slug})` : id === b.id ? `B (${b.slug})` : id);
  fill(el, 
    h('h2', {}, r.dry_run ? 'Preview — nothing recorded yet' : 'Merged'),
    r.dry_run ? null : h('p', { class: 'note', role: 'status' }, 'Merged. Survivor: ',
      h('a', { href: `#/workshops/${r.survivor}` }, r.workshop?.slug || r.survivor), '.'),
    h('p', {}, `Survivor: ${who(r.survivor)}; absorbed and archived: ${who(r.absorbed)}.`),
    h('h3', {}, 'Resulting workshop'), dl(Object.entries(r.result)),
    h('h3', {}, r.dry_run ? 'Events that would be recorded' : 'Events recorded'),
    table(['Event', 'Workshop', 'Payload'], r.events.map((e) => h('tr', {}, h('td', {}, e.type),
      h('td', {}, who(e.workshop_id)), h('td', {}, h('pre', {}, JSON.stringify(e.payload, null, 1)))))));
}
