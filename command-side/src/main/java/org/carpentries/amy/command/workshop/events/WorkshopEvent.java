package org.carpentries.amy.command.workshop.events;

import java.util.UUID;

/** Every fact about one workshop. */
public interface WorkshopEvent {
    UUID workshopId();
}
