package org.carpentries.amy.command.workshop.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** AMY's invoice states of a workshop, with AMY's codes. */
public enum InvoiceStatus {
    UNKNOWN("unknown", "Unknown"),
    INVOICED("invoiced", "Invoiced"),
    NOT_INVOICED("not-invoiced", "Not invoiced"),
    NA_HISTORIC("na-historic", "Not applicable for historical reasons"),
    NA_MEMBER("na-member", "Not applicable because of membership"),
    NA_SELF_ORG("na-self-org", "Not applicable because self-organized"),
    NA_WAIVER("na-waiver", "Not applicable because waiver granted"),
    NA_OTHER("na-other", "Not applicable because other arrangements made");

    private final String code;
    private final String label;

    InvoiceStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<InvoiceStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    @JsonCreator
    static InvoiceStatus of(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("Unknown invoice status " + code));
    }
}
