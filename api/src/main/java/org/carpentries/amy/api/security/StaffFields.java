package org.carpentries.amy.api.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The personal data staff never receive, in one place: the JSON keys left out of every answer a caller gets only as
 * staff (AMY's steering committee sees names, never contact details, gender, notes or other personal data).
 */
public final class StaffFields {

    /** Left out wherever they occur. */
    public static final Set<String> HIDDEN = Set.of("email", "secondary_email", "person_email", "gender", "notes",
            "may_contact", "github", "twitter", "orcid", "occupation", "affiliation", "airport_id", "contact");
    /** Left out of a person (an object with {@code family} or {@code personal}); a workshop's {@code url} stays. */
    public static final Set<String> HIDDEN_IN_PERSONS = Set.of("url");
    /** Filters on hidden fields, refused to staff: a search would tell what the answer leaves out. */
    public static final Set<String> HIDDEN_FILTERS = Set.of("email", "gender", "may_contact");

    static final String REDACT_ATTRIBUTE = StaffFields.class.getName() + ".redact";

    private StaffFields() {
    }

    /** Whether the current request reached its endpoint only as staff, so its answer leaves the fields out. */
    public static boolean apply() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && Boolean.TRUE.equals(request.getAttribute(REDACT_ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST));
    }

    /** Removes the hidden keys from {@code node} and everything inside it, in place; whether any was there. */
    public static boolean redact(JsonNode node) {
        boolean removed = false;
        if (node instanceof ObjectNode object) {
            boolean person = object.has("family") || object.has("personal");
            List<String> names = new ArrayList<>(object.propertyNames());
            for (String name : names) {
                if (hidden(name, person)) {
                    object.remove(name);
                    removed = true;
                } else {
                    removed |= redact(object.get(name));
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode element : node) {
                removed |= redact(element);
            }
        }
        return removed;
    }

    /** A copy of maps and lists (as reports build them) without the hidden keys; other values as they are. */
    public static Object redact(Object value) {
        if (value instanceof Map<?, ?> map) {
            boolean person = map.containsKey("family") || map.containsKey("personal");
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!(k instanceof String key && hidden(key, person))) {
                    copy.put(k, redact(v));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(redact(v)));
            return copy;
        }
        return value;
    }

    private static boolean hidden(String key, boolean person) {
        return HIDDEN.contains(key) || person && HIDDEN_IN_PERSONS.contains(key);
    }
}
