package org.carpentries.amy.api.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carpentries.amy.support.AmyIT;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every read, asked with well-formed but extreme instants, dates and numbers in the parameters that take them:
 * an answer or a 4xx problem, never a 5xx. Instants beyond PostgreSQL's range once reached SQL and answered 500.
 */
class ExtremeValuesIT extends AmyIT {

    private static final List<String> NAMES = List.of("as_of", "from", "to", "since", "page_size");
    private static final List<String> VALUES = List.of("0001-01-01T00:00:00Z", "-999999-01-01T00:00:00Z",
            "+999999-12-31T23:59:59Z", "-290000-01-01T00:00:00Z", "294277-01-01T00:00:00Z", "1970-01-01T00:00:00+18:00",
            "9999-12-31T23:59:59.999999999Z", "+1000000000-12-31T23:59:59.999999999Z", "0000-01-01", "9999-12-31",
            "+10000-01-01", "-4713-11-24", "2147483647", "-1", "0", "9223372036854775807");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void extremeValuesInEveryReadAreAnsweredOrRefusedNeverFailed() {
        RawHttp http = new RawHttp(port);
        byte[] admin = ("Basic " + Base64.getEncoder().encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.ISO_8859_1);
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            if (!entry.getValue().getBeanType().getName().startsWith("org.carpentries.amy.")
                    || !(methods.isEmpty() || methods.contains(RequestMethod.GET))) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "x");
                for (String name : NAMES) {
                    for (String value : VALUES) {
                        String uri = path + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                        RawHttp.Response r = http.send("GET", uri, Map.of("Authorization", admin), null);
                        sent++;
                        if (r.status() >= 500 || r.status() >= 400 && r.code() == null) {
                            wrong.add(uri + " -> " + r);
                        }
                    }
                }
            }
        }
        assertThat(sent).isGreaterThan(5000);
        assertThat(wrong).isEmpty();
    }
}
