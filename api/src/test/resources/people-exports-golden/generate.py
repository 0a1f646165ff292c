"""Golden files for AMY's people exports (badges, instructors, members), written by AMY's own rules: the serializers'
fields and order (ExportBadgesSerializer with AwardPersonSerializer, v1.11.4's ExportInstructorLocationsSerializer,
ExportMembersSerializer), get_full_name, get_members, and the renderers of the published export's generator (PyYAML's
safe dump with allow_unicode and block style, DRF's compact JSON, drf-csv's flattening). Run from this folder:
python3 generate.py (needs python3-yaml). The Java test never runs it."""
import importlib.util
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("published_golden",
                                               os.path.join(HERE, "..", "published-golden", "generate.py"))
published = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(published)

INSTRUCTOR_BADGES = ("swc-instructor", "dc-instructor")


def full_name(p):
    return p["personal"] + (" " + p["middle"] if p.get("middle") is not None else "") + " " + p["family"]


class Amy:
    """AMY's tables after the input's steps; archiving is AMY's delete, erasure blanks email and airport."""

    def __init__(self, data):
        self.airports = data["airports"]
        self.badges = [dict(b, retired=False) for b in data["badges"]]
        self.workshops = {w["slug"]: dict(w, archived=False) for w in data["workshops"]}
        self.persons = [dict(p, archived=False) for p in data["persons"]]
        self.by_user = {p["username"]: p for p in self.persons}
        self.awards = []
        self.tasks = []
        for step in data["steps"]:
            (kind, arg), = step.items()
            getattr(self, kind)(arg)

    def award(self, arg):
        self.awards.append({"user": arg[0], "badge": arg[1], "awarded": arg[2]})

    def revoke(self, arg):
        self.awards = [a for a in self.awards if (a["user"], a["badge"]) != tuple(arg)]

    def task(self, arg):
        self.tasks.append({"slug": arg[0], "user": arg[1], "role": arg[2]})

    def archive_person(self, user):
        self.by_user[user]["archived"] = True

    def erase_person(self, user):
        self.by_user[user].update(email=None, airport=None)

    def retire_badge(self, name):
        next(b for b in self.badges if b["name"] == name)["retired"] = True

    def archive_workshop(self, slug):
        self.workshops[slug]["archived"] = True

    def holds(self, p, names):
        return any(a["user"] == p["username"] and a["badge"] in names for a in self.awards)

    def badge_export(self):
        return [{"name": b["name"],
                 "persons": [{"name": full_name(self.by_user[a["user"]]), "user": a["user"], "awarded": a["awarded"]}
                             for a in self.awards
                             if a["badge"] == b["name"] and not self.by_user[a["user"]]["archived"]]}
                for b in self.badges if not b["retired"]]

    def instructor_export(self, may_contact=None):
        out = []
        for airport in self.airports:
            people = [{"name": full_name(p), "user": p["username"]} for p in self.persons
                      if p.get("airport") == airport["iata"] and not p["archived"]
                      and self.holds(p, INSTRUCTOR_BADGES)
                      and (may_contact is None or p["may_contact"] == may_contact)]
            if people:
                out.append({"name": airport["fullname"], "latitude": airport["latitude"],
                            "longitude": airport["longitude"], "instructors": people, "country": airport["country"]})
        return out

    def taught(self, p, earliest, latest):
        return any(t["user"] == p["username"] and t["role"] == "instructor"
                   and not self.workshops[t["slug"]]["archived"]
                   and earliest <= self.workshops[t["slug"]]["start"] <= latest for t in self.tasks)

    def member_export(self, earliest, latest):
        return [{"name": full_name(p), "email": p.get("email"), "username": p["username"]} for p in self.persons
                if not p["archived"] and (self.holds(p, ("member",))
                                          or self.holds(p, INSTRUCTOR_BADGES) and self.taught(p, earliest, latest))]


def write(name, text):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as out:
        out.write(text)


def main():
    with open(os.path.join(HERE, "input.json"), encoding="utf-8") as f:
        data = json.load(f)
    amy = Amy(data)
    documents = [("badges", ("yaml", "json"), amy.badge_export()),
                 ("instructors", ("yaml", "json"), amy.instructor_export()),
                 ("instructors-may-contact-true", ("yaml", "json"), amy.instructor_export(True)),
                 ("instructors-may-contact-false", ("yaml", "json"), amy.instructor_export(False))]
    for window in data["member_windows"]:
        documents.append((window["name"], ("yaml", "json", "csv"),
                          amy.member_export(window["earliest"], window["latest"])))
    render = {"yaml": published.as_yaml, "json": published.as_json, "csv": published.as_csv}
    for name, formats, records in documents:
        for ext in formats:
            write(name + "." + ext, render[ext](records))


if __name__ == "__main__":
    main()
