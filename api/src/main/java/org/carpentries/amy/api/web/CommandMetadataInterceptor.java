package org.carpentries.amy.api.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.carpentries.amy.api.security.AmyPrincipal;
import org.carpentries.amy.command.Metadata;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stamps every command with who sent it, in which request, and why; Axon's correlation providers copy these onto
 * every event the command causes.
 */
class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private static final int MAX_REASON = 500;

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> meta = new HashMap<>();
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof AmyPrincipal principal) {
                meta.put(Metadata.ACTOR, principal.id().toString());
                meta.put(Metadata.ACTOR_NAME, principal.getUsername());
            } else if (!command.getMetaData().containsKey(Metadata.ACTOR)) {
                meta.put(Metadata.ACTOR, Metadata.SYSTEM_ACTOR);
                meta.put(Metadata.ACTOR_NAME, "AMY");
            }
            String requestId = RequestIds.current();
            if (requestId != null) {
                meta.put(Metadata.REQUEST_ID, requestId);
            }
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
                String reason = reason(attributes.getRequest().getHeader(RequestIds.REASON_HEADER));
                if (reason != null && !reason.isBlank()) {
                    String trimmed = reason.strip();
                    meta.put(Metadata.REASON, trimmed.length() > MAX_REASON ? trimmed.substring(0, MAX_REASON)
                            : trimmed);
                }
            }
            return command.andMetaData(meta);
        };
    }

    /**
     * Headers carry Latin-1; a reason in any language arrives as RFC 8187's {@code UTF-8''} followed by
     * percent-encoded UTF-8, which is decoded here. Anything else is taken as it is.
     */
    static String reason(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (h.regionMatches(true, 0, "UTF-8''", 0, 7)) {
            try {
                return java.net.URLDecoder.decode(h.substring(7).replace("+", "%2B"),
                        java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return h;
            }
        }
        return h;
    }
}
