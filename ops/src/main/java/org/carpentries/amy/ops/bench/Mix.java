package org.carpentries.amy.ops.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The command mix an admin's day is made of, over HTTP: schedule a workshop, edit one (If-Match), assign or
 * unassign a tag, add a task, award a badge. Each client first schedules a workshop of its own, then draws its
 * next command from a seeded random with the shares below; edits, tags and tasks go to the client's own workshops,
 * whose ETags it keeps from every answer. Tasks take people in a stride through the pool, so a workshop rarely
 * sees the same helper twice (adding one again is answered and records nothing). Awards take person × badge pairs
 * in turn from a pool no one else awards from, so every command changes something (on a database kept from an
 * earlier run, a pair held already is revoked instead).
 */
final class Mix {

    /** Shares of schedule, edit, tag, task and award, in percent. */
    static final int[] SHARES = {20, 30, 15, 20, 15};
    static final List<String> KINDS = List.of("schedule", "edit", "tag", "task", "award");
    /** Badges the benchmark data set never awards, so the pool's pairs are free. */
    static final List<String> FREE_BADGES = List.of("creator", "organizer");
    private static final List<String> TAGS = List.of("SWC", "DC", "LC");

    private final List<String> hosts;
    private final List<String> people;
    private final AtomicInteger nextWorkshop = new AtomicInteger();
    private final AtomicInteger nextAward = new AtomicInteger();
    private final AtomicInteger nextTask = new AtomicInteger();
    private final String series;

    /** {@code series} keeps slugs of separate runs (and separate bench invocations on one database) apart. */
    Mix(List<String> hosts, List<String> people, String series) {
        if (hosts.isEmpty() || people.isEmpty()) {
            throw new IllegalArgumentException("The mix needs organisations and people");
        }
        this.hosts = List.copyOf(hosts);
        this.people = List.copyOf(people);
        this.series = series;
    }

    /** The kind of a client's next command after the first, from a draw in [0, 100). */
    static String kind(int draw) {
        int sum = 0;
        for (int i = 0; i < SHARES.length; i++) {
            sum += SHARES[i];
            if (draw < sum) {
                return KINDS.get(i);
            }
        }
        throw new IllegalArgumentException("draw " + draw);
    }

    /** The person and badge of award number {@code n}: persons first, then the next badge. */
    static String[] award(List<String> people, int n) {
        int badge = n / people.size();
        if (badge >= FREE_BADGES.size()) {
            throw new IllegalStateException("The award pool is used up after " + n + " awards; the benchmark needs "
                    + "more people");
        }
        return new String[] {people.get(n % people.size()), FREE_BADGES.get(badge)};
    }

    /** One client's state: its random, its workshops and their ETags. */
    final class Client {

        private final AmyClient http;
        private final Random random;
        private final List<String> slugs = new ArrayList<>();
        private final Map<String, String> etags = new LinkedHashMap<>();
        private final Map<String, Boolean> hackathon = new LinkedHashMap<>();

        Client(AmyClient http, long seed) {
            this.http = http;
            this.random = new Random(seed);
        }

        /** Sends the next command; answers its kind. Any unexpected answer is an error naming the request. */
        String next() {
            String kind = slugs.isEmpty() ? "schedule" : kind(random.nextInt(100));
            switch (kind) {
                case "schedule" -> schedule();
                case "edit" -> edit();
                case "tag" -> tag();
                case "task" -> task();
                default -> award();
            }
            return kind;
        }

        private String mine() {
            return slugs.get(random.nextInt(slugs.size()));
        }

        private void schedule() {
            int n = nextWorkshop.getAndIncrement();
            LocalDate start = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(3 * 365));
            String slug = start + "-" + series + "-" + n;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("slug", slug);
            body.put("host", hosts.get(random.nextInt(hosts.size())));
            body.put("start", start.toString());
            body.put("end", start.plusDays(1).toString());
            body.put("url", "https://bench.example/" + slug + "/");
            body.put("country", "GB");
            body.put("venue", "Room " + (1 + random.nextInt(400)));
            body.put("address", (1 + random.nextInt(200)) + " Bench Street");
            body.put("latitude", Math.round((random.nextDouble() * 140 - 70) * 1e4) / 1e4);
            body.put("longitude", Math.round((random.nextDouble() * 360 - 180) * 1e4) / 1e4);
            body.put("contact", "team@bench.example");
            body.put("tags", List.of(TAGS.get(random.nextInt(TAGS.size()))));
            AmyClient.Response created = http.expect(201, http.post("api/workshops", body), "POST " + slug);
            slugs.add(slug);
            etags.put(slug, created.etag());
        }

        private void edit() {
            String slug = mine();
            AmyClient.Response edited = http.expect(200, http.patch("api/workshops/" + slug,
                    Map.of("notes", "Bench note " + random.nextInt(1_000_000)), etags.get(slug)), "PATCH " + slug);
            etags.put(slug, edited.etag());
        }

        private void tag() {
            String slug = mine();
            boolean has = hackathon.getOrDefault(slug, false);
            String path = "api/workshops/" + slug + "/tags/hackathon";
            AmyClient.Response done = http.expect(204, http.send(has ? "DELETE" : "PUT", path, null, Map.of()), path);
            hackathon.put(slug, !has);
            etags.put(slug, done.etag());
        }

        private void task() {
            String slug = mine();
            String person = people.get(Math.floorMod(nextTask.getAndIncrement() * 7919, people.size()));
            String path = "api/workshops/" + slug + "/tasks/" + person + "/helper";
            AmyClient.Response added = http.expect(204, http.send("PUT", path, null, Map.of()), "PUT " + path);
            etags.put(slug, added.etag());
        }

        private void award() {
            String[] pair = Mix.award(people, nextAward.getAndIncrement());
            String path = "api/persons/" + pair[0] + "/awards/" + pair[1];
            AmyClient.Response awarded = http.send("PUT", path, null, Map.of());
            // A database kept from an earlier run may hold the pair already: then the command is its revocation.
            if (awarded.status() == 409 && awarded.body().contains("\"award-exists\"")) {
                http.expect(204, http.send("DELETE", path, null, Map.of()), "DELETE " + path);
            } else {
                http.expect(200, awarded, "PUT " + path);
            }
        }
    }
}
