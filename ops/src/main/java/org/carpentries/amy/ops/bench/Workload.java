package org.carpentries.amy.ops.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The seeded workload: a few organisations and tags, then workshops. Each workshop is one client's task: schedule
 * it with one to three tags (1 WorkshopScheduled + 1-3 TagAssignedToWorkshop), then maybe move its venue (one
 * event) and maybe assign one more tag (one event). A task depends only on the seed, its series and its index, so
 * both engines get the same commands whatever the interleaving of clients.
 */
final class Workload {

    static final List<String> TAGS = List.of("SWC", "DC", "LC", "TTT", "online", "hackathon", "WiSE", "ITT");
    private static final List<String> COUNTRIES = List.of("GB", "US", "DE", "NL", "ZA", "AU", "CA", "NZ", "FR",
            "ES", "BR", "KE", "IN", "JP");
    private static final int ORGANISATIONS = 20;
    private static final double EDIT_SHARE = 0.5;
    private static final double EXTRA_TAG_SHARE = 0.5;

    private final long seed;

    Workload(long seed) {
        this.seed = seed;
    }

    List<Map<String, Object>> organisations() {
        Random random = new Random(seed);
        List<Map<String, Object>> all = new ArrayList<>();
        for (int i = 0; i < ORGANISATIONS; i++) {
            all.add(Map.of("domain", domain(i), "fullname", "Bench Organisation " + i,
                    "country", COUNTRIES.get(random.nextInt(COUNTRIES.size()))));
        }
        return all;
    }

    List<Map<String, Object>> tags() {
        return TAGS.stream().<Map<String, Object>>map(t -> Map.of("name", t, "details", "Benchmark tag " + t))
                .toList();
    }

    /** Task {@code index} of a series ({@code "warmup"} or {@code "w"}); series keep slugs apart. */
    Task task(String series, int index) {
        Random random = new Random(seed * 1_000_003L + series.hashCode() * 65_537L + index);
        String slug = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(4 * 365)) + "-" + series + "-" + index;
        LocalDate start = LocalDate.parse(slug.substring(0, 10));
        List<String> shuffled = new ArrayList<>(TAGS);
        Collections.shuffle(shuffled, random);
        int tagCount = 1 + random.nextInt(3);
        List<String> tags = List.copyOf(shuffled.subList(0, tagCount));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("host", domain(random.nextInt(ORGANISATIONS)));
        body.put("start", start.toString());
        body.put("end", start.plusDays(1 + random.nextInt(2)).toString());
        body.put("url", "https://bench.example/" + slug + "/");
        body.put("country", COUNTRIES.get(random.nextInt(COUNTRIES.size())));
        body.put("venue", "Room " + (1 + random.nextInt(400)));
        body.put("address", (1 + random.nextInt(200)) + " Bench Street");
        body.put("latitude", Math.round((random.nextDouble() * 140 - 70) * 1e4) / 1e4);
        body.put("longitude", Math.round((random.nextDouble() * 360 - 180) * 1e4) / 1e4);
        body.put("contact", "team@" + domain(random.nextInt(ORGANISATIONS)));
        body.put("tags", tags);
        String newVenue = random.nextDouble() < EDIT_SHARE ? "Hall " + (1 + random.nextInt(50)) : null;
        String extraTag = random.nextDouble() < EXTRA_TAG_SHARE ? shuffled.get(tagCount) : null;
        return new Task(slug, Map.copyOf(body), tags, newVenue, extraTag);
    }

    private static String domain(int i) {
        return "org-" + i + ".bench.example";
    }

    /** One workshop's commands: schedule, then an optional venue change and an optional extra tag. */
    record Task(String slug, Map<String, Object> schedule, List<String> tags, String newVenue, String extraTag) {

        int commands() {
            return 1 + (newVenue == null ? 0 : 1) + (extraTag == null ? 0 : 1);
        }

        /** The events the store should gain: every command here changes something. */
        int events() {
            return 1 + tags.size() + (newVenue == null ? 0 : 1) + (extraTag == null ? 0 : 1);
        }
    }
}
