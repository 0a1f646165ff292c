package org.carpentries.amy.api.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.carpentries.amy.query.replay.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a command and answers once every read model includes its events (bounded by {@code amy.read-model-wait}),
 * so an admin never sees a stale page right after saving; past the bound, {@link ReadModelsBehind} says so.
 */
@Component
public class Writes {

    private static final Logger log = LoggerFactory.getLogger(Writes.class);
    private final CommandGateway commands;
    private final ReadModels readModels;
    private final AmyProperties properties;

    public Writes(CommandGateway commands, ReadModels readModels, AmyProperties properties) {
        this.commands = commands;
        this.readModels = readModels;
        this.properties = properties;
    }

    public <R> R send(Object command) {
        R result = commands.sendAndWait(command);
        long head = readModels.head();
        if (!readModels.awaitPosition(head, properties.readModelWait())) {
            log.warn("Read models had not reached position {} after {}", head, properties.readModelWait());
            throw new ReadModelsBehind(head);
        }
        return result;
    }
}
