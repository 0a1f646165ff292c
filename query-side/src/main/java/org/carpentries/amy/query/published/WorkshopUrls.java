package org.carpentries.amy.query.published;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** AMY's normalisation of a workshop URL into its GitHub Pages website and its GitHub repository. */
public final class WorkshopUrls {

    private static final Pattern REPO = Pattern.compile("https?://github\\.com/(?<name>[^/]+)/(?<repo>[^/]+)/?");
    private static final Pattern WEBSITE =
            Pattern.compile("https?://(?<name>[^.]+)\\.github\\.(io|com)/(?<repo>[^/]+)/?");

    private WorkshopUrls() {
    }

    public static String website(String url) {
        Matcher match = firstMatch(url, WEBSITE, REPO);
        return match == null ? url : "https://" + match.group("name") + ".github.io/" + match.group("repo") + "/";
    }

    public static String repository(String url) {
        Matcher match = firstMatch(url, REPO, WEBSITE);
        return match == null ? url : "https://github.com/" + match.group("name") + "/" + match.group("repo");
    }

    /** AMY refused repository URLs where a workshop website was expected. */
    public static boolean isRepository(String url) {
        return url != null && REPO.matcher(url).lookingAt();
    }

    private static Matcher firstMatch(String url, Pattern first, Pattern second) {
        if (url == null) {
            return null;
        }
        // Python's re.match anchors at the start only, which is lookingAt, not matches.
        for (Pattern pattern : new Pattern[] {first, second}) {
            Matcher matcher = pattern.matcher(url);
            if (matcher.lookingAt()) {
                return matcher;
            }
        }
        return null;
    }
}
