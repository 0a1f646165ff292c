// Reports: AMY's six reports in each format, instructor issues, and find instructors near a place.
import { get, seg } from './api.js';
import { h, fill, field, problemBox, onSubmit, showProblem, table, show } from './ui.js';

const REPORTS = [
  ['workshops_over_time', 'Workshops over time (cumulative, past workshops)'],
  ['learners_over_time', 'Learners over time (cumulative attendance)'],
  ['instructors_over_time', 'Instructors over time (first instructor badge)'],
  ['instructor_num_taught', 'Times each instructor taught'],
  ['all_activity_over_time', 'All activity in a period (this year unless start and end are given)'],
  ['instructors_by_time', 'Instructors by time period'],
];

const personLink = (p) => h('a', { href: `#/persons/${seg(p.username || p.id)}` }, p.name || p.username || p.id);

const trainees = (list) => table(['Person', 'Email', 'Training workshops'], list.map((t) => h('tr', {},
  h('td', {}, personLink(t.person)), h('td', {}, show(t.person.email)),
  h('td', {}, t.workshops.map((w, i) => [i ? ', ' : '', h('a', { href: `#/workshops/${seg(w.slug || w.id)}` },
    w.slug || w.id)])))), 'Nobody.');

export async function reports(section, _, query) {
  const issues = await get('/api/reports/instructor-issues');
  const period = h('form', { 'aria-label': 'Period for the period reports', class: 'actions' },
    field({ label: 'Start (for the period reports)', name: 'start', type: 'date', value: query.get('start') }),
    field({ label: 'End', name: 'end', type: 'date', value: query.get('end') }),
    h('button', {}, 'Use this period'));
  const periodBox = problemBox();
  onSubmit(period, periodBox, async (data) => {
    const next = new URLSearchParams();
    for (const k of ['start', 'end']) if (data.get(k)) next.set(k, data.get(k));
    location.hash = `#/reports?${next}`;
  });
  const dates = new URLSearchParams();
  for (const k of ['start', 'end']) if (query.get(k)) dates.set(k, query.get(k));
  const link = (name, format) => {
    const dated = name === 'all_activity_over_time' || name === 'instructors_by_time';
    const q = dated && [...dates].length ? `?${dates}` : '';
    return h('a', { href: `/api/v1/reports/${name}.${format}${q}`, download: `${name}.${format}` }, format.toUpperCase());
  };
  const rows = REPORTS.map(([name, text]) => h('tr', {}, h('td', {}, text), h('td', {}, h('code', {}, name)),
    h('td', {}, link(name, 'json'), ' · ', link(name, 'yaml'), ' · ', link(name, 'csv'))));

  fill(section, h('h1', {}, 'Reports'),
    h('p', { class: 'muted' }, 'AMY\'s reports, as the API serves them (login required).'),
    period, periodBox, table(['Report', 'Name', 'Download'], rows),
    h('h2', {}, 'Instructor issues'),
    h('h3', {}, 'Instructors without an airport'),
    table(['Person', 'Email'], issues.instructors_without_airport.map((p) => h('tr', {}, h('td', {}, personLink(p)),
      h('td', {}, show(p.email)))), 'Every instructor has an airport.'),
    h('h3', {}, 'Incomplete trainees (TTT learners without an instructor badge)'), trainees(issues.incomplete_trainees),
    h('h3', {}, 'Stalled trainees (their TTT workshop stalled)'), trainees(issues.stalled_trainees),
    h('h2', {}, 'Find instructors'), await finder(query));
}

/** AMY's find-instructors form: one location (airport, a point, or countries), then lessons, badges, gender. */
async function finder(query) {
  const [lessons, badges] = await Promise.all([get('/api/lessons'), get('/api/badges')]);
  const box = problemBox();
  const results = h('div');
  const form = h('form', { role: 'search', 'aria-label': 'Find instructors' }, h('div', { class: 'grid' },
    field({ label: 'Airport (IATA code)', name: 'airport', maxlength: 10 }),
    field({ label: 'or latitude', name: 'latitude', type: 'number', step: 'any' }),
    field({ label: 'and longitude', name: 'longitude', type: 'number', step: 'any' }),
    field({ label: 'or countries (ISO codes, comma-separated)', name: 'country' }),
    field({ label: 'Lessons (all required)', name: 'lesson', type: 'select', multiple: true, size: 4,
      options: lessons.map((l) => [l.name, l.name]) }),
    field({ label: 'Instructor badges (all required)', name: 'badge', type: 'select', multiple: true, size: 2,
      options: badges.filter((b) => b.name.endsWith('-instructor')).map((b) => [b.name, b.name]) }),
    field({ label: 'Gender', name: 'gender', type: 'select',
      options: [['', 'any'], ['U', 'U — undisclosed'], ['M', 'M'], ['F', 'F'], ['O', 'O']] })),
  box, h('div', { class: 'actions' }, h('button', {}, 'Find')));
  const search = async (data) => {
    const q = new URLSearchParams({ page_size: '50' });
    for (const k of ['airport', 'latitude', 'longitude', 'gender']) if (data.get(k)) q.set(k, data.get(k).trim());
    for (const c of (data.get('country') || '').split(',').map((s) => s.trim()).filter(Boolean)) q.append('country', c);
    for (const k of ['lesson', 'badge']) for (const v of data.getAll(k)) q.append(k, v);
    const page = await get(`/api/instructors?${q}`);
    fill(results, h('p', {}, `${page.count} instructor${page.count === 1 ? '' : 's'}${page.next ? ' (first 50 shown)' : ''}`),
      table(['Name', 'Airport', 'Country', 'Distance (degrees²)', 'Lessons', 'Badges', 'Taught'],
        page.results.map((m) => h('tr', {}, h('td', {}, personLink(m)), h('td', {}, show(m.airport)),
          h('td', {}, show(m.country)), h('td', { class: 'num' }, m.distance == null ? '—' : m.distance.toFixed(2)),
          h('td', {}, show(m.lessons)), h('td', {}, show(m.badges)), h('td', { class: 'num' }, m.num_taught))),
        'No instructor matches.'));
  };
  onSubmit(form, box, search);
  // #/reports?airport=EDI searches at once (a link from elsewhere).
  if (query.get('airport')) {
    form.elements.airport.value = query.get('airport');
    await search(new FormData(form)).catch((e) => showProblem(box, e, form));
  }
  return h('div', {}, form, results);
}
