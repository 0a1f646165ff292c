// Small DOM helpers, problem display and the views several screens share.
import { get } from './api.js';

const PROPS = new Set(['value', 'checked', 'selected', 'disabled', 'hidden', 'multiple', 'required']);

/** h('a', {href, onclick}, 'text', child, [more]) builds an element; null/false children and attributes are skipped. */
export function h(tag, attrs = {}, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (PROPS.has(k)) el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  add(el, kids);
  return el;
}

/** Replaces el's children; unlike replaceChildren, null and false are skipped rather than shown as text. */
export function fill(el, ...kids) {
  el.replaceChildren();
  add(el, kids);
  return el;
}

function add(el, kids) {
  for (const kid of kids.flat(Infinity)) {
    if (kid === null || kid === undefined || kid === false) continue;
    el.append(kid instanceof Node ? kid : String(kid));
  }
}

/** A value as text: empty is a dash, objects as JSON. */
export function show(v) {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.length ? v.map(show).join(', ') : '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** An instant as UTC, to the second. */
export const utc = (iso) => (iso ? iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '—');

let uid = 0;
/** A labelled control: field({label, name, value, type, options, ...attrs}). */
export function field({ label, type = 'text', options, className, ...attrs }) {
  const id = `f${++uid}`;
  let control;
  if (type === 'select') {
    control = h('select', { id, ...attrs, value: undefined },
      options.map(([value, text]) => h('option', { value, selected: String(attrs.value ?? '') === String(value)
        || (attrs.multiple && [].concat(attrs.value).includes(value)) }, text)));
  } else if (type === 'textarea') {
    control = h('textarea', { id, ...attrs, value: attrs.value ?? '' });
  } else {
    control = h('input', { id, type, ...attrs, value: attrs.value ?? '' });
  }
  return h('div', { class: className }, h('label', { for: id }, label), control);
}

/**
 * A text field that suggests people as you type (AMY's lookup: name, email or username; two words match personal and
 * family names in either order). The value sent is the chosen person's username.
 */
export function personPicker({ label, name, ...attrs }) {
  const listId = `people${++uid}`;
  const list = h('datalist', { id: listId });
  const wrap = field({ label, name, autocomplete: 'off', list: listId, ...attrs });
  const input = wrap.querySelector('input');
  let asked = '';
  input.addEventListener('input', async () => {
    const term = input.value.trim();
    if (term.length < 2 || term === asked) return;
    asked = term;
    const page = await get(`/api/persons?${new URLSearchParams({ q: term, page_size: '10' })}`).catch(() => null);
    if (!page || asked !== term) return;
    fill(list, page.results.map((p) => h('option', { value: p.username }, `${p.full_name} (${p.username})`)));
  });
  wrap.append(list);
  return wrap;
}

export const reasonField = () => field({ label: 'Reason (optional)', name: 'reason', maxlength: 500,
  placeholder: 'recorded with the change', className: 'wide' });

export const problemBox = () => h('div', { class: 'problem', role: 'alert', hidden: true });

export function clearProblem(box, form) {
  box.hidden = true;
  box.replaceChildren();
  form?.querySelectorAll('.field-error').forEach((e) => e.remove());
  form?.querySelectorAll('[aria-invalid]').forEach((e) => { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); });
}

/** Shows an API error in box and next to the form's fields it names; a 412 offers to reload. */
export function showProblem(box, err, form, reload) {
  clearProblem(box, form);
  box.hidden = false;
  if (err.status === 412) {
    add(box, [h('p', {}, 'Someone changed this meanwhile — reload to see their version, then make your change again.'),
      reload ? h('button', { type: 'button', onclick: reload }, 'Reload') : null]);
    return;
  }
  const p = err.problem || { detail: String(err.message || err) };
  add(box, [h('p', {}, h('strong', {}, p.title || (err.status ? `Error ${err.status}` : 'Error')), p.detail ? `: ${p.detail}` : ''),
    p.code ? h('p', {}, 'Code: ', h('code', {}, p.code)) : null,
    p.errors?.length ? h('ul', {}, p.errors.map((e) => h('li', {}, h('code', {}, e.field), `: ${e.message}`,
      e.code ? h('span', { class: 'muted' }, ` (${e.code})`) : null))) : null]);
  for (const e of p.errors || []) {
    let input = form?.elements.namedItem(e.field);
    if (input instanceof RadioNodeList) input = input[0];
    if (!input) continue;
    const id = `err${++uid}`;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
    input.closest('div, td, fieldset')?.append(h('span', { class: 'field-error', id }, e.message));
  }
}

/** Runs action on submit with the form's buttons disabled, and shows what failed. A button marked data-off stays off. */
export function onSubmit(form, box, action, reload) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearProblem(box, form);
    const buttons = [...form.querySelectorAll('button')];
    buttons.forEach((b) => { b.disabled = true; });
    try {
      await action(new FormData(form), ev.submitter);
    } catch (e) {
      if (!e.loggedOut) showProblem(box, e, form, reload);
    } finally {
      buttons.forEach((b) => { b.disabled = b.hasAttribute('data-off'); });
    }
  });
  return form;
}

/** Same as onSubmit for a single button outside a form. */
export function onClick(button, box, action, reload) {
  button.addEventListener('click', async () => {
    clearProblem(box);
    button.disabled = true;
    try { await action(); } catch (e) { if (!e.loggedOut) showProblem(box, e, null, reload); } finally { button.disabled = false; }
  });
  return button;
}

export const dl = (pairs) => h('dl', { class: 'fields' }, pairs.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v instanceof Node ? v : show(v))]));

export function table(headers, rows, empty = 'Nothing here yet.') {
  if (!rows.length) return h('p', { class: 'muted' }, empty);
  return h('table', {}, h('thead', {}, h('tr', {}, headers.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows));
}

export const note = (text) => (text ? h('p', { class: 'note', role: 'status' }, text) : null);

/** A record's events: who, when, why, and each field's old and new value. */
export function historyTable(entries) {
  const changes = (list) => (list?.length ? h('ul', { class: 'changes' }, list.map((c) => h('li', {},
    h('code', {}, c.field), ': ', show(c.old_value), ' → ', show(c.new_value)))) : h('span', { class: 'muted' }, '—'));
  return table(['#', 'Time (UTC)', 'Actor', 'Event', 'Reason', 'Request id', 'Changes'],
    [...entries].reverse().map((e) => h('tr', {}, h('td', { class: 'num' }, e.version), h('td', {}, utc(e.occurred_at)),
      h('td', {}, show(e.actor_name)), h('td', {}, e.type), h('td', {}, show(e.reason)),
      h('td', {}, h('code', {}, show(e.request_id))), h('td', {}, changes(e.changes)))), 'No events.');
}

/** The changed fields of a form against the record, as a merge patch ('' clears). */
export function changed(form, fields, current) {
  const data = new FormData(form);
  const patch = {};
  for (const f of fields) {
    const now = data.get(f.name) ?? '';
    if (now === String(current[f.name] ?? '')) continue;
    patch[f.name] = now === '' ? null : (f.parse ? f.parse(now) : now);
  }
  return patch;
}
