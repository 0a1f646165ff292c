package org.carpentries.amy.command.token.events;

import java.util.UUID;

/** Every fact about one bearer token. */
public interface TokenEvent {
    UUID tokenId();
}
