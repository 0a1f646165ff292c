package org.carpentries.amy.command.tag;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.carpentries.amy.command.workshop.UnassignTagFromWorkshop;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Withdraws a tag: the per-workshop unassignments, then the retirement, dispatched as nested commands of the same
 * unit of work (and transaction), so either every event is stored or none is. The nested commands carry the
 * request's metadata, so the audit log shows one actor, request and reason for all of them.
 */
@Component
class TagWithdrawal {

    private final CommandGateway commands;

    TagWithdrawal(@Lazy CommandGateway commands) {
        this.commands = commands;
    }

    @CommandHandler
    void handle(WithdrawTag cmd, MetaData metaData) {
        // In id order, as merges load theirs, so concurrent withdrawals cannot deadlock.
        for (UUID workshop : cmd.workshopIds().stream().sorted().toList()) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new UnassignTagFromWorkshop(workshop, cmd.tagId())).withMetaData(metaData));
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RetireTag(cmd.tagId()))
                .withMetaData(metaData));
    }
}
