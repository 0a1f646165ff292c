#!/usr/bin/env python3
"""Writes the expected outputs the published-feed tests compare against, computed by Python itself.

Run from this directory with python3 and PyYAML installed: python3 generate_fixtures.py
The tests only read the files; they never run Python.

Inputs are JSON with tags for values JSON cannot carry: {"$float": float.hex(x)}, {"$date": "YYYY-MM-DD"},
{"$decimal": str(d)}. Every structure is decoded afresh before dumping so PyYAML never sees a shared object
(which it would write as an anchor and alias, something DRF's freshly built data never triggered).

AMY ran PyYAML 3.11; the installed PyYAML is newer. Two behaviours changed in between and are put back here:
  * analyze_scalar counted characters beyond U+FFFF (emoji) as special, forcing double quotes and \\U escapes
    (astral support arrived with PyYAML 5.1, pull request 63);
  * the float resolver read ".[0-9_]+" (so "._" was a float) until PyYAML 6 (pull request 497).
Where the installed PyYAML disagrees, the fixture keeps its output under "pyyaml_installed" for reference.
"""
import csv
import datetime
import decimal
import inspect
import io
import json
import random
import re
import string
import textwrap

import yaml

SEED = 20160216
HERE_FILES = {
    'pyfloat': 'pyfloat.tsv',
    'yaml': 'pyyaml.jsonl',
    'json': 'drfjson.jsonl',
    'csv': 'drfcsv.jsonl',
    'humandate': 'humandate.jsonl',
    'urls': 'workshopurls.jsonl',
}


# ---------------------------------------------------------------- tagged JSON for inputs

def encode(value):
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return {'$float': value.hex()}
    if isinstance(value, datetime.date):
        return {'$date': value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return {'$decimal': str(value)}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        assert not (len(value) == 1 and next(iter(value)).startswith('$')), value
        return {k: encode(v) for k, v in value.items()}
    raise TypeError(value)


def decode(value):
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1:
            (tag, text), = value.items()
            if tag == '$float':
                return float.fromhex(text)
            if tag == '$date':
                return datetime.date.fromisoformat(text)
            if tag == '$decimal':
                return decimal.Decimal(text)
        return {k: decode(v) for k, v in value.items()}
    return value


def write_jsonl(name, rows):
    with open(HERE_FILES[name], 'w', encoding='ascii', newline='\n') as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=True, sort_keys=False) + '\n')
    print(HERE_FILES[name], len(rows))


# ---------------------------------------------------------------- PyYAML as AMY ran it

class InstalledDumper(yaml.SafeDumper):
    """djangorestframework-yaml 1.0's SafeDumper: Decimal as str; its represent_mapping always sorts."""

    def represent_decimal(self, data):
        return self.represent_scalar('tag:yaml.org,2002:str', str(data))


InstalledDumper.add_representer(decimal.Decimal, InstalledDumper.represent_decimal)


class Amy311Dumper(InstalledDumper):
    pass


def _analyze_scalar_311():
    source = textwrap.dedent(inspect.getsource(yaml.emitter.Emitter.analyze_scalar))
    astral = re.compile(r"\s*or '\\U00010000' <= ch < '\\U0010ffff'\)")
    source, count = astral.subn(')', source)
    assert count == 1, 'installed PyYAML no longer looks like 5.1 or later'
    namespace = {}
    exec(source, vars(yaml.emitter), namespace)
    return namespace['analyze_scalar']


Amy311Dumper.analyze_scalar = _analyze_scalar_311()

FLOAT_311 = re.compile(r'''^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9_]+(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$''', re.X)
_float_tag = 'tag:yaml.org,2002:float'
assert any(t == _float_tag for rs in yaml.SafeDumper.yaml_implicit_resolvers.values() for t, _ in rs)
Amy311Dumper.yaml_implicit_resolvers = {
    first: [(tag, FLOAT_311 if tag == _float_tag else regexp) for tag, regexp in resolvers]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def yaml_dump(data, dumper):
    text = yaml.dump(data, Dumper=dumper, allow_unicode=True, default_flow_style=False,
                     encoding='utf-8').decode('utf-8')
    assert '&id' not in text, text
    return text


# ---------------------------------------------------------------- strings

RNG = random.Random(SEED)

WORDS = ('the of and workshop carpentry data software library python shell git R SQL instructor host venue '
         'university department room building street avenue floor campus centre center hall lab '
         'Zürich café São Paulo 北京 東京 Kraków Montréal Ελλάδα Україна').split()

SPECIALS = ['\n', '\t', '\r', '\x85', '\u2028', '\u2029', '\ufeff', '\xa0', '\x01', '\x1b', '\x7f', '\x00',
            '\x9f', '\ufffe', '\u200f']
UNICODE = ['é', 'ü', 'ß', '中', '文', '😀', '🎉', '𝔘', 'ש', 'ל', 'ل', 'م', 'Ж', '\ue000', '\ud7ff', '\ufffd']

FIXED_STRINGS = [
    '', ' ', '  ', 'a', 'abc', 'Hello, World!',
    'null', 'Null', 'NULL', 'nULL', '~', '~a', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'yes', 'Yes', 'YES',
    'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'y', 'n', 'Y', 'N', 'nul', 'nulls', 'yes!',
    '123', '-123', '+1', '0', '-0', '00', '007', '08', '0b101', '0b', '-0b1_0', '0x1F', '0x', '0xZZ', '-0x_f',
    '1_000', '1__0', '_1', '1_', '1:30', '10:30', '190:20:30', '1:60', '0:30', '1:30.5', '-1:30.',
    '1.5', '1.', '.5', '._', '._1', '.', '..', '...', '....', '1e5', '1e+5', '1.0e+5', '1.0e5', '1.e-5',
    '6.8523015e+5', '685.230_15e+03', '685_230.15', '+.inf', '.inf', '-.Inf', '.INF', '.NaN', '.nan', '-.nan',
    'nan', 'inf', '-inf', '1_2.3_4', '+12.5', '-.5', '+.5e+1',
    '2016-02-16', '2016-2-16', '2016-02-16 ', ' 2016-02-16', '2001-12-14t21:59:43.10-05:00',
    '2001-12-14 21:59:43.10 -5', '2001-12-15T02:59:43.1Z', '2001-12-14 21:59:43.10', '2001-12-14  1:59:43',
    '2002-12-14', '12:30:45', '20160216', '2016-02-16T10:00',
    '<<', '<', '=', '==', '!', '&', '*', '&a', '*a', '!tag', '|', '>', '|-', "'", '"', '%', '@', '`', '#',
    '# comment', 'a # b', 'a#b', 'a #', '#a', 'a\t#b',
    '-', '--', '---', '--- a', '---a', '-a', '- a', '-\ta', '-1', '?', '? a', '?a', ':', ': a', ':a', 'a:', 'a: b',
    'a:b', 'a:\tb', 'http://example.com/a?b=c#d', 'mailto:admin@example.org', 'a,b', '[a]', '{a}', 'a[0]', 'a{b}',
    'a]', 'a}', 'a?', 'a, b',
    'leading space', ' leading', 'trailing ', ' both ', 'double  space', 'tab\there', '\tleading tab',
    'trailing tab\t', 'line\nbreak', '\nleading', 'trailing\n', '\n', '\n\n', 'a\n\nb', 'a\n b', 'a \nb', 'a\r\nb',
    'cr\r', 'a\x85b', 'a\u2028b', 'a\u2029b', '\ufeffbom', 'nbsp\xa0here', '\xa0', 'ctl\x01', 'esc\x1b',
    'del\x7f', 'bell\x07', 'nul\x00', 'vt\x0b', 'ff\x0c', 'bs\x08', '\x80c1', '\x9f', 'a\x85', '\x85a',
    'café', 'Zürich', '中文地址', 'שלום עולם', 'مرحبا بالعالم', '\u200fRTL mark', 'emoji 😀', '😀', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    '\U0010fffe', '\U0010ffff', '\ufffe', '\uffff', '\ue000', '\ud7ff', '\ufffd',
    "it's", "'quoted'", '"dq"', 'back\\slash', 'C:\\path', "mixed 'single' and \"double\"",
    'x' * 79, 'x' * 80, 'x' * 81, 'x' * 200,
    ('word ' * 30).strip(), ('word ' * 30), ('word  ' * 30).strip(), 'a' * 78 + ' b c d e',
    'Room 123, Building 4, University of Somewhere, 1234 Long Street Name Avenue, Big City, State 12345, Country',
    'Department of Computer Science: Room 2.14, the Old Building, 10 Downing Street, London SW1A 2AA, United Kingdom',
    'Département d\'informatique, Université de Montréal, Pavillon André-Aisenstadt, 2920 chemin de la Tour, '
    'Montréal (Québec) H3T 1J4, Canada',
    '中国北京市海淀区中关村大街27号 中关村大厦 第十二层 会议室 ' * 3,
    'Long address with a line break\nsecond line of the address that also goes on and on past eighty columns',
    'Long address with special\x01character that keeps going well beyond the eighty column limit of PyYAML',
    'Long address with an emoji 😀 that keeps going well beyond the eighty column limit of PyYAML, twice 😀',
    'Long address ending with a space that keeps going well beyond the eighty column limit of PyYAML ',
    'Long address: with colon space that keeps going well beyond the eighty column limit of PyYAML emitter',
    ' Long address starting with a space that keeps going well beyond the eighty column limit of PyYAML',
    'Long "double quoted" words \\ and backslashes \\ that keep going well beyond the eighty column limit \x7f',
    'Long\tTabs\tseparate\tthese\twords\tinstead\tof\tspaces\tso\tthey\tare\tspecial\tand\tmust\tbe\tescaped',
]


def random_word_text(min_len, max_len):
    words = []
    while sum(len(w) + 1 for w in words) < RNG.randint(min_len, max_len):
        word = RNG.choice(WORDS) if RNG.random() < 0.7 else ''.join(
            RNG.choice(string.ascii_letters + string.digits) for _ in range(RNG.randint(1, 18)))
        if RNG.random() < 0.1:
            word += RNG.choice(',.;:!?')
        words.append(word)
    separators = [' ' if RNG.random() < 0.9 else RNG.choice(['  ', '   ', ', ', ' - ', '\n', ' # ']) for _ in words]
    return ''.join(w + s for w, s in zip(words, separators))[:-1]


def random_char_text(max_len):
    pools = [
        (string.ascii_letters, 30), (string.digits, 8), (string.punctuation, 12), (' ', 14),
        (SPECIALS, 6), (UNICODE, 10),
    ]
    population = [pool for pool, weight in pools for _ in range(weight)]
    return ''.join(RNG.choice(RNG.choice(population)) for _ in range(RNG.randint(0, max_len)))


def random_number_like():
    alphabet = '0123456789' * 3 + '._eE+-:xb_' + 'abcf'
    return ''.join(RNG.choice(alphabet) for _ in range(RNG.randint(1, 8)))


def random_long_mixed():
    text = random_word_text(60, 400)
    for _ in range(RNG.randint(0, 4)):
        at = RNG.randint(0, len(text))
        text = text[:at] + RNG.choice(SPECIALS[:-4] + UNICODE + ["'", '"', '\\', '  ', ': ', ' #']) + text[at:]
    return text


def random_strings():
    strings = []
    for _ in range(120):
        strings.append(random_char_text(RNG.choice([5, 20, 60, 150])))
    for _ in range(120):
        strings.append(random_word_text(20, 320))
    for _ in range(80):
        strings.append(random_number_like())
    return strings


# ---------------------------------------------------------------- floats

def float_values(rng):
    values = [0.0, -0.0, float('inf'), float('-inf'), float('nan'), 5e-324, -5e-324, 2.2250738585072014e-308,
              2.225073858507201e-308, 1.7976931348623157e308, 1e16, 1e15, 9999999999999998.0, 1e17, 1.5e16,
              1e-4, 1e-5, 0.0001, 0.00001, 0.00011, 9.999e-5, 123.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 100.0, 1e22,
              1e23, 2.0 ** 53, 2.0 ** 53 + 2, 2.82879384806159e17, 1.0e23, 2e-3, -48.876667, 2.351499, 51.5072,
              -0.1278, 4.35, 0.5, 1.25, 1e100, 1.2345678901234567e-300, 3.141592653589793, 2.718281828459045]
    values += [2.0 ** e for e in range(-1074, 1024)]
    values += [float('1e%d' % e) for e in range(-323, 309)]
    values += [rng.uniform(-180, 180) for _ in range(200)]
    values += [round(rng.uniform(-180, 180), rng.randint(0, 8)) for _ in range(1000)]
    values += [float(rng.randint(-10 ** 17, 10 ** 17)) for _ in range(300)]
    values += [rng.uniform(0, 1e-4) for _ in range(100)] + [rng.uniform(1e15, 1e17) for _ in range(100)]
    import struct
    while len(values) < 7500:
        bits = rng.getrandbits(64)
        x = struct.unpack('<d', struct.pack('<Q', bits))[0]
        if x == x and x not in (float('inf'), float('-inf')):
            values.append(x)
    return values


FLOATS = float_values(random.Random(SEED))


def write_pyfloat(values):
    with open(HERE_FILES['pyfloat'], 'w', encoding='ascii', newline='\n') as out:
        out.write('# float.hex(x)\trepr(x), written by generate_fixtures.py\n')
        for x in values:
            out.write('%s\t%r\n' % (x.hex(), x))
    print(HERE_FILES['pyfloat'], len(values))


# ---------------------------------------------------------------- YAML corpus

def event(rng):
    start = datetime.date(2030, 1, 1) + datetime.timedelta(days=rng.randint(0, 900))
    end = start + datetime.timedelta(days=rng.randint(0, 40))
    record = {
        'slug': '%s-%s-%s' % (start.isoformat(), rng.choice(['ttt', 'dc', 'swc', 'lc']), rng.choice(WORDS).lower()),
        'start': start,
        'end': end if rng.random() < 0.9 else None,
        'humandate': rng.choice(['Mar 23-27, 2030', 'Mar 30-Apr 02, 2030', '???-???']),
        'url': rng.choice(['https://%s.github.io/%s/' % (rng.choice(WORDS).lower(), start.isoformat()),
                           'http://example.org/workshop', None]),
        'contact': rng.choice(['admin@example.org', 'a@b.c, d@e.f', '', random_word_text(10, 40)]),
        'country': rng.choice(['US', 'GB', 'PL', 'NO', 'ON', 'YES', None]),
        'venue': rng.choice([random_word_text(5, 120), random_char_text(60), '']),
        'address': rng.choice([random_word_text(40, 200), random_char_text(150), '']),
        'latitude': rng.choice([round(rng.uniform(-90, 90), rng.randint(0, 7)), None, 0.0, -0.0]),
        'longitude': rng.choice([round(rng.uniform(-180, 180), rng.randint(0, 7)), None, 1e-05]),
        'eventbrite_id': rng.choice([str(rng.randint(10 ** 8, 10 ** 11)), '', None, 'abc123', '0123']),
        'tags': [{'name': rng.choice(['SWC', 'DC', 'LC', 'TTT', 'online', 'yes', 'null', '2016'])}
                 for _ in range(rng.randint(0, 3))],
    }
    return record


def yaml_cases():
    cases = []

    def add(name, data):
        cases.append((name, data))

    for i, s in enumerate(FIXED_STRINGS + random_strings()):
        name = ('fixed-%03d' if i < len(FIXED_STRINGS) else 'random-%03d') % i
        add(name, [{'k': s}, {s: 'v'}, [s], s, {'nested': [{'deeper': {'deepest': s}}]}])
    for i in range(150):
        add('folding-%03d' % i, [{'k': random_long_mixed()}, {'nested': {'deeper': [random_long_mixed()]}}])
    for length in (121, 122, 123, 124, 200):
        add('key-length-%d' % length, [{'k' * length: 'v', 'short': 'x' * length}])
    add('key-length-122-multibyte', [{'😀' * 122: 1, 'é' * 123: 2}])
    add('keys-needing-quotes', [{'null': 1, 'yes': 2, '123': 3, 'a: b': 4, '- x': 5, '': 6, ' ': 7,
                                 'key with spaces': 8, 'multi\nline': 10, '😀': 11, 'é': 12, '#': 13,
                                 '2016-02-16': 14, '\ue000': 15, '\U0001f600x': 16, 'Z': 17, 'a': 18, '_': 19}])
    add('empty-list', [])
    add('empty-map', {})
    add('list-of-empties', [[], {}, [[]], [{}], {'a': []}, {'b': {}}])
    add('nested-lists', [[[1, [2, [3]]]], [['a', 'b'], ['c']]])
    add('map-of-maps', {'a': {'b': {'c': [1, 2, {'d': None}]}}, 'list': [{'x': 1, 'y': [True, False]}]})
    for name, scalar in [('str', 'abc'), ('int', 123), ('none', None), ('float', 1.5), ('bool', True),
                         ('date', datetime.date(2030, 3, 23)), ('empty-str', ''), ('quoted', 'yes'),
                         ('double', 'a\x01'), ('decimal', decimal.Decimal('1.50'))]:
        add('top-level-' + name, scalar)
    add('numbers', [{'ints': [0, -1, 2 ** 31, -2 ** 63, 2 ** 64 + 1, 10 ** 30],
                     'floats': [1.5, -0.0, 1e16, 1e-05, 123.0, float('inf'), float('-inf'), float('nan'),
                                5e-324, 1.7976931348623157e308, 0.1, -48.876667, 1e+22, 1.5e300]}])
    add('decimals', [decimal.Decimal(t) for t in ('1.50', '1E+2', '-0.000001', '0.0000001', '123', '1e-7',
                                                   '0', '0.00', '12345678901234567890.123456789')])
    add('dates', [datetime.date(2030, 3, 23), datetime.date(1, 1, 1), datetime.date(999, 12, 31),
                  datetime.date(9999, 12, 31), {'start': datetime.date(2016, 2, 29)}])
    add('bools-and-nulls', [{'t': True, 'f': False, 'n': None}, True, False, None])
    for i, fl in enumerate(FLOATS[::75]):
        add('float-%03d' % i, [{'latitude': fl, 'list': [fl]}])
    for i in range(60):
        add('event-%02d' % i, [event(RNG) for _ in range(RNG.randint(1, 4))])
    return cases


def build_yaml():
    RNG.seed(SEED + 1)
    rows = []
    differing = 0
    for name, data in yaml_cases():
        encoded = encode(data)
        amy = yaml_dump(decode(encoded), Amy311Dumper)
        installed = yaml_dump(decode(encoded), InstalledDumper)
        row = {'name': name, 'input': encoded, 'yaml': amy}
        if installed != amy:
            row['pyyaml_installed'] = installed
            differing += 1
        rows.append(row)
    write_jsonl('yaml', rows)
    print('  of which differ from the installed PyYAML %s:' % yaml.__version__, differing)


# ---------------------------------------------------------------- DRF JSON

def drf_default(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    raise TypeError(value)


def drf_json(data):
    text = json.dumps(data, ensure_ascii=False, separators=(',', ':'), default=drf_default)
    return text.replace('\u2028', '\\u2028').replace('\u2029', '\\u2029')


def build_json():
    RNG.seed(SEED + 2)
    rows = []
    strings = FIXED_STRINGS + random_strings() + ['lone \ud800 surrogate', '\udfff', '/slash', '\x7f',
                                                  ''.join(chr(c) for c in range(0x20))]
    for i, s in enumerate(strings):
        rows.append({'name': 'string-%03d' % i, 'input': encode([{'k': s, s: 'v'}, s])})
    floats = FLOATS[1::12]
    for i in range(0, 600, 3):
        rows.append({'name': 'float-%03d' % i, 'input': encode([floats[i], {'f': floats[i + 1]}, [floats[i + 2]]])})
    rows.append({'name': 'specials', 'input': encode([float('inf'), float('-inf'), float('nan'), -0.0, 1e16,
                                                      2 ** 70, -2 ** 63, True, False, None, [], {}, [[]], [{}],
                                                      decimal.Decimal('1.50'), decimal.Decimal('1E+2'),
                                                      datetime.date(2030, 3, 23)])})
    rows.append({'name': 'empty-list', 'input': []})
    rows.append({'name': 'empty-map', 'input': {}})
    rows.append({'name': 'insertion-order', 'input': encode({'z': 1, 'a': 2, 'm': {'y': 1, 'b': 2}})})
    for i in range(60):
        rows.append({'name': 'event-%02d' % i, 'input': encode([event(RNG) for _ in range(RNG.randint(1, 4))])})
    for row in rows:
        row['json'] = drf_json(decode(row['input']))
    write_jsonl('json', rows)


# ---------------------------------------------------------------- drf-csv 1.4

def flatten_item(item):
    if isinstance(item, list):
        return flatten_list(item)
    if isinstance(item, dict):
        return flatten_dict(item)
    return {'': item}


def nest_flat_item(flat_item, prefix):
    nested = {}
    for header, val in flat_item.items():
        nested['.'.join([prefix, header]) if header else prefix] = val
    return nested


def flatten_list(values):
    flat = {}
    for index, item in enumerate(values):
        flat.update(nest_flat_item(flatten_item(item), str(index)))
    return flat


def flatten_dict(mapping):
    flat = {}
    for key, item in mapping.items():
        flat.update(nest_flat_item(flatten_item(item), str(key)))
    return flat


def drf_csv(records):
    if not records:
        return ''
    flat = [flatten_item(record) for record in records]
    header = sorted(set(key for item in flat for key in item.keys()))
    table = [header] + [[item.get(key, None) for key in header] for item in flat]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in table:
        writer.writerow(row)
    return buffer.getvalue()


def csv_value(rng):
    kind = rng.randint(0, 12)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.randint(-10 ** 12, 10 ** 12)
    if kind == 3:
        return rng.choice(FLOATS[:60] + [round(rng.uniform(-180, 180), 6), rng.choice(FLOATS)])
    if kind == 4:
        return datetime.date(2030, 1, 1) + datetime.timedelta(days=rng.randint(0, 900))
    if kind == 5:
        return [{'name': rng.choice(['SWC', 'DC', 'a,b', 'q"uote'])} for _ in range(rng.randint(0, 3))]
    if kind == 6:
        return {'lat': rng.uniform(-90, 90), 'inner': {'deep': rng.choice(['x', None, [1, 2]])}}
    if kind == 7:
        return decimal.Decimal(rng.choice(['1.50', '1E+2', '0.0000001']))
    if kind == 8:
        return []
    if kind == 9:
        return rng.choice(FIXED_STRINGS).replace('\x00', '')
    return random_char_text(40).replace('\x00', '') if rng.random() < 0.5 else random_word_text(5, 90)


def build_csv():
    RNG.seed(SEED + 3)
    keys = ['slug', 'start', 'end', 'tags', 'url', 'Zeta', 'alpha', 'a', 'a.b', 'b', 'é', '😀', '\ue000', 'x y',
            'with,comma', 'with"quote', 'country', '_under', '10', '2', 'tags.0']
    cases = [
        ('empty', []),
        ('one-empty-record', [{}]),
        ('single-column-empty', [{'a': ''}, {'a': None}, {'a': 'x'}]),
        ('single-column-missing', [{'a': 1}, {'b': 2}]),
        ('quoting', [{'v': s} for s in ['plain', 'a,b', 'q"uote', 'line\nbreak', 'cr\rhere', 'crlf\r\n', ' space ',
                                          '\t', "'", '', 'é中😀', '\u2028', '#', '=1+2']]),
        ('nested', [{'tags': [{'name': 'SWC'}, {'name': 'DC'}], 'loc': {'lat': 1.5, 'lng': -0.0},
                     'list': [1, [2, 3], {'k': None}], 'empty': [], 'emptymap': {}}]),
        ('collision', [{'a.b': 1, 'a': {'b': 2}}, {'a': {'b': 3}, 'a.b': 4}]),
        ('values', [{'t': True, 'f': False, 'n': None, 'i': 10 ** 20, 'fl': 1e16, 'inf': float('inf'),
                     'nan': float('nan'), 'd': datetime.date(2030, 3, 23), 'dec': decimal.Decimal('1E+2')}]),
    ]
    for i in range(60):
        cases.append(('event-%02d' % i, [event(RNG) for _ in range(RNG.randint(0, 5))]))
    for i in range(120):
        records = []
        for _ in range(RNG.randint(1, 5)):
            records.append({RNG.choice(keys): csv_value(RNG) for _ in range(RNG.randint(0, 6))})
        cases.append(('random-%03d' % i, records))
    rows = []
    for name, records in cases:
        encoded = encode(records)
        rows.append({'name': name, 'input': encoded, 'csv': drf_csv(decode(encoded))})
    write_jsonl('csv', rows)


# ---------------------------------------------------------------- AMY's humandate and URL normalisation

def human_readable_date(date1, date2):
    if date1 and not date2:
        return '{:%b %d, %Y}-???'.format(date1)
    elif date2 and not date1:
        return '???-{:%b %d, %Y}'.format(date2)
    elif not date2 and not date1:
        return '???-???'
    if date1.year == date2.year:
        if date1.month == date2.month:
            return '{:%b %d}-{:%d, %Y}'.format(date1, date2)
        return '{:%b %d}-{:%b %d, %Y}'.format(date1, date2)
    return '{:%b %d, %Y}-{:%b %d, %Y}'.format(date1, date2)


def build_humandate():
    RNG.seed(SEED + 4)
    rows = []
    base = datetime.date(2030, 1, 1)
    pairs = [(None, None), (base, None), (None, base), (base, base), (datetime.date(999, 5, 1), None),
             (datetime.date(2030, 12, 30), datetime.date(2031, 1, 2)), (datetime.date(2030, 3, 30),
                                                                        datetime.date(2030, 4, 2))]
    for _ in range(300):
        start = base + datetime.timedelta(days=RNG.randint(-4000, 4000))
        end = start + datetime.timedelta(days=RNG.choice([0, 1, 2, 3, 5, 30, 60, 400, -3]))
        pairs.append((start if RNG.random() < 0.9 else None, end if RNG.random() < 0.9 else None))
    for start, end in pairs:
        rows.append({'start': start and start.isoformat(), 'end': end and end.isoformat(),
                     'humandate': human_readable_date(start, end)})
    write_jsonl('humandate', rows)


WEBSITE_REGEX = re.compile(r'https?://(?P<name>[^.]+)\.github\.(io|com)/(?P<repo>[^/]+)/?')
WEBSITE_FORMAT = 'https://{name}.github.io/{repo}/'
REPO_REGEX = re.compile(r'https?://github\.com/(?P<name>[^/]+)/(?P<repo>[^/]+)/?')
REPO_FORMAT = 'https://github.com/{name}/{repo}'


def repository_url(url):
    try:
        mo = REPO_REGEX.match(url) or WEBSITE_REGEX.match(url)
        if not mo:
            return url
        return REPO_FORMAT.format(**mo.groupdict())
    except (TypeError, KeyError):
        return url


def website_url(url):
    try:
        mo = WEBSITE_REGEX.match(url) or REPO_REGEX.match(url)
        if not mo:
            return url
        return WEBSITE_FORMAT.format(**mo.groupdict())
    except (TypeError, KeyError):
        return url


def build_urls():
    RNG.seed(SEED + 5)
    urls = [None, '', 'https://example.org/', 'github.com/user/repo', 'ftp://github.com/user/repo']
    for scheme in ('http', 'https'):
        for slash in ('', '/'):
            urls += ['%s://github.com/user/2030-03-23-place%s' % (scheme, slash),
                     '%s://user.github.io/2030-03-23-place%s' % (scheme, slash),
                     '%s://user.github.com/2030-03-23-place%s' % (scheme, slash)]
    pieces = ['http://', 'https://', 'github.com/', 'github.io/', '.github.io/', '.github.com/', 'user', 'repo',
              '/', '.', 'x', '?q=1', '#frag', '\n', ' ', 'www.', '.git', 'user.name']
    for _ in range(300):
        urls.append(''.join(RNG.choice(pieces) for _ in range(RNG.randint(1, 8))))
    for _ in range(100):
        urls.append('%s://%s%s/%s%s' % (RNG.choice(['http', 'https', 'HTTP']),
                                        RNG.choice(['', 'a.', 'b.c.']),
                                        RNG.choice(['github.com', 'x.github.io', 'y.github.com', 'gitlab.com']),
                                        RNG.choice(['u/r', 'u', 'u/r/tree/main', 'u//r', 'r']),
                                        RNG.choice(['', '/', '//', '/index.html'])))
    rows = [{'url': u, 'website': website_url(u), 'repository': repository_url(u),
             'isRepository': bool(u is not None and REPO_REGEX.match(u))} for u in urls]
    write_jsonl('urls', rows)


if __name__ == '__main__':
    write_pyfloat(FLOATS)
    build_yaml()
    build_json()
    build_csv()
    build_humandate()
    build_urls()
