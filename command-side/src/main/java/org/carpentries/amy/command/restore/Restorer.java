package org.carpentries.amy.command.restore;

import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.carpentries.amy.command.Metadata;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Applies a restore in one unit of work: the plan is computed again here (so a change since a dry run is taken
 * into account), then each planned command is sent to its aggregate in this unit of work, whose rules still hold.
 * The first one refused rolls back all. Every event recorded carries the instant restored.
 */
@Component
class Restorer {

    private final RestorePlanner planner;
    private final CommandGateway commands;

    Restorer(RestorePlanner planner, @Lazy CommandGateway commands) {
        this.planner = planner;
        this.commands = commands;
    }

    @CommandHandler
    RestorePlan handle(RestoreRecord cmd) {
        RestorePlan plan = planner.plan(cmd);
        if (cmd.dryRun() || plan.commands().isEmpty()) {
            return plan;
        }
        String asOf = cmd.asOf().toString();
        CurrentUnitOfWork.get().registerCorrelationDataProvider(message -> Map.of(Metadata.RESTORED_AS_OF, asOf));
        plan.commands().forEach(c -> commands.sendAndWait(c.command()));
        return plan;
    }
}
