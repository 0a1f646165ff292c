package org.carpentries.amy.command.restore;

import java.util.UUID;

/** A record a restore touches: its type ({@code workshop}, {@code tag} …), id and a readable label. */
public record RecordRef(String type, UUID id, String label) {
}
