"""Golden files for AMY's published export, written by AMY's own rules: its serializer fields and order, its
humandate and website-url rules, PyYAML's safe dump with allow_unicode and block style, DRF's compact JSON and
drf-csv's flattening. Run from this folder: python3 generate.py (needs python3-yaml). The Java test never runs it."""
import csv
import datetime
import io
import json
import re

import yaml

ONLINE = {"venue": "Internet", "address": "Internet", "latitude": -48.876667, "longitude": -123.393333}
REPO = re.compile(r"https?://github\.com/(?P<name>[^/]+)/(?P<repo>[^/]+)/?")
WEBSITE = re.compile(r"https?://(?P<name>[^.]+)\.github\.(io|com)/(?P<repo>[^/]+)/?")


def website_url(url):
    if url is None:
        return None
    m = WEBSITE.match(url) or REPO.match(url)
    return "https://{name}.github.io/{repo}/".format(**m.groupdict()) if m else url


def humandate(start, end):
    if start and not end:
        return start.strftime("%b %d, %Y") + "-???"
    if end and not start:
        return "???-" + end.strftime("%b %d, %Y")
    if not start:
        return "???-???"
    if start.year == end.year:
        if start.month == end.month:
            return "{}-{}, {}".format(start.strftime("%b %d"), end.strftime("%d"), end.year)
        return "{}-{}".format(start.strftime("%b %d"), end.strftime("%b %d, %Y"))
    return "{}-{}".format(start.strftime("%b %d, %Y"), end.strftime("%b %d, %Y"))


def date(value):
    return datetime.date.fromisoformat(value) if value else None


def records(data, tag=None):
    tag_order = [t["name"] for t in data["tags"]]
    rows = []
    for index, w in enumerate(data["workshops"]):
        w = dict(w)
        if w.get("country") == "W3":
            w.update(ONLINE)
        fields = [w.get(k) for k in ("start", "url", "country", "venue", "address", "latitude", "longitude")]
        if any(f is None or f == "" for f in fields):
            continue
        if tag and not all(t in w["tags"] for t in tag):
            continue
        start, end = date(w.get("start")), date(w.get("end"))
        rows.append((start, index, {
            "slug": w["slug"], "start": start, "end": end, "url": website_url(w.get("url")),
            "humandate": humandate(start, end), "contact": w.get("contact", ""), "country": w.get("country"),
            "venue": w.get("venue", ""), "address": w.get("address", ""), "latitude": w.get("latitude"),
            "longitude": w.get("longitude"), "eventbrite_id": w.get("registration_key"),
            "tags": [{"name": n} for n in tag_order if n in w["tags"]],
        }))
    rows.sort(key=lambda r: (-r[0].toordinal(), r[1]))
    return [r[2] for r in rows]


def as_json(recs):
    def plain(r):
        return {k: (v.isoformat() if isinstance(v, datetime.date) else v) for k, v in r.items()}
    text = json.dumps([plain(r) for r in recs], ensure_ascii=False, separators=(",", ":"))
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def flatten(value, prefix=""):
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            out.update(flatten(v, prefix + k + "."))
        return out
    if isinstance(value, list):
        out = {}
        for i, v in enumerate(value):
            out.update(flatten(v, prefix + str(i) + "."))
        return out
    return {prefix[:-1]: value}


def as_csv(recs):
    if not recs:
        return ""
    flat = [flatten({k: (v.isoformat() if isinstance(v, datetime.date) else v) for k, v in r.items()})
            for r in recs]
    header = sorted(set(k for f in flat for k in f))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for f in flat:
        writer.writerow(["" if f.get(h) is None else f.get(h) for h in header])
    return out.getvalue()


def as_yaml(recs):
    return yaml.dump(recs, Dumper=yaml.SafeDumper, allow_unicode=True, default_flow_style=False)


def main():
    with open("input.json", encoding="utf-8") as f:
        data = json.load(f)
    for suffix, tags in (("", None), ("-tag-DC", ["DC"]), ("-tag-SWC-DC", ["SWC", "DC"])):
        recs = records(data, tags)
        for ext, render in (("yaml", as_yaml), ("json", as_json), ("csv", as_csv)):
            with open("published" + suffix + "." + ext, "w", encoding="utf-8", newline="") as out:
                out.write(render(recs))


if __name__ == "__main__":
    main()
