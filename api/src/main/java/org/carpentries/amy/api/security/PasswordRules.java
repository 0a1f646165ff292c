package org.carpentries.amy.api.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.carpentries.amy.api.problem.BadRequest;
import org.springframework.stereotype.Component;

/**
 * AMY's password rules, as AMY's Django validators have them: at least 10 characters, not all digits, not on the list
 * of common passwords, and not similar (ratio 0.7 or more) to the person's username, names or email or any part of
 * them. A password that breaks one is a 400 {@code password-too-weak} saying which.
 */
@Component
public class PasswordRules {

    static final int MIN_LENGTH = 10;
    /** BCrypt reads 72 bytes and no more; a longer password is refused rather than silently cut. */
    static final int MAX_BYTES = 72;
    /** Words of AMY's own context a password must not be built on (ASVS 6.1.2), checked like the person's names. */
    static final List<String> CONTEXT_WORDS = List.of("carpentries", "the carpentries", "software carpentry",
            "data carpentry", "library carpentry", "carpentry", "amy", "workshops", "instructor", "admin",
            "administrator", "password");
    static final double MAX_SIMILARITY = 0.7;
    private final Set<String> common;

    public PasswordRules() {
        this.common = load("/security/common-passwords.txt");
    }

    /** Throws {@link BadRequest} {@code password-too-weak} unless {@code password} keeps every rule. */
    public void check(String password, String... attributes) {
        String problem = problem(password, attributes);
        if (problem != null) {
            throw new BadRequest("password-too-weak", problem);
        }
    }

    /** Why {@code password} is refused, or null when it is fine. */
    String problem(String password, String... attributes) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "The password must be at least " + MIN_LENGTH + " characters long.";
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "The password must be at most " + MAX_BYTES + " bytes in UTF-8 (" + MAX_BYTES
                    + " plain letters and digits, fewer in other scripts).";
        }
        if (password.chars().allMatch(Character::isDigit)) {
            return "The password must not be all digits.";
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return "The password is too common.";
        }
        for (String attribute : attributes) {
            if (attribute != null && similar(lower, attribute.toLowerCase(Locale.ROOT))) {
                return "The password is too similar to the username, name or email.";
            }
        }
        for (String word : CONTEXT_WORDS) {
            if (similar(lower, word)) {
                return "The password is too similar to a word of AMY's own (" + word + ").";
            }
        }
        return null;
    }

    /** Django's UserAttributeSimilarityValidator: the value and each of its parts split on non-word characters. */
    static boolean similar(String password, String value) {
        List<String> parts = new ArrayList<>(Arrays.asList(value.split("\\W+")));
        parts.add(value);
        for (String part : parts) {
            if (part.isEmpty() || exceedsLengthRatio(password, part)) {
                continue;
            }
            if (ratio(password, part) >= MAX_SIMILARITY) {
                return true;
            }
        }
        return false;
    }

    /** Django skips a part far shorter than the password: no ratio could reach the bound. */
    private static boolean exceedsLengthRatio(String password, String part) {
        return password.length() >= 10 * part.length() && part.length() < MAX_SIMILARITY / 2 * password.length();
    }

    /** Python's {@code SequenceMatcher.ratio()} without its junk heuristics: 2 × matched characters / total length. */
    static double ratio(String a, String b) {
        int total = a.length() + b.length();
        return total == 0 ? 1.0 : 2.0 * matched(a, 0, a.length(), b, 0, b.length()) / total;
    }

    /** Characters in matching blocks: the longest common substring, then the same on each side of it. */
    private static int matched(String a, int aLo, int aHi, String b, int bLo, int bHi) {
        int best = 0;
        int bestA = aLo;
        int bestB = bLo;
        int[] previous = new int[bHi - bLo + 1];
        for (int i = aLo; i < aHi; i++) {
            int[] current = new int[bHi - bLo + 1];
            for (int j = bLo; j < bHi; j++) {
                if (a.charAt(i) == b.charAt(j)) {
                    int k = previous[j - bLo] + 1;
                    current[j - bLo + 1] = k;
                    if (k > best) {
                        best = k;
                        bestA = i - k + 1;
                        bestB = j - k + 1;
                    }
                }
            }
            previous = current;
        }
        if (best == 0) {
            return 0;
        }
        return best + matched(a, aLo, bestA, b, bLo, bestB) + matched(a, bestA + best, aHi, b, bestB + best, bHi);
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = Objects.requireNonNull(PasswordRules.class.getResourceAsStream(resource), resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
