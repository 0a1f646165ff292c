package org.carpentries.amy.command.role;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.carpentries.amy.command.RuleViolation;
import org.carpentries.amy.command.lookup.Lookups;
import org.carpentries.amy.command.lookup.ReferenceKind;
import org.carpentries.amy.command.lookup.UniqueKind;
import org.carpentries.amy.command.role.events.RoleCreated;
import org.carpentries.amy.command.role.events.RoleReinstated;
import org.carpentries.amy.command.role.events.RoleRenamed;
import org.carpentries.amy.command.role.events.RoleRetired;

/** A role at workshops; its name is unique, and the roles AMY's rules depend on keep their names and stay usable. */
@Aggregate(cache = "aggregateCache")
public class Role {

    @AggregateIdentifier
    private UUID roleId;
    private String name;
    private boolean retired;

    protected Role() {
    }

    @CommandHandler
    Role(CreateRole cmd, Lookups lookups) {
        claim(cmd.roleId(), cmd.name(), lookups);
        lookups.putReference(ReferenceKind.ROLE, cmd.roleId(), cmd.name(), false);
        apply(new RoleCreated(cmd.roleId(), cmd.name()));
    }

    @CommandHandler
    void handle(RenameRole cmd, Lookups lookups) {
        if (cmd.name().equals(name)) {
            return;
        }
        RoleRules.refuseIfProtected(name);
        claim(roleId, cmd.name(), lookups);
        lookups.release(UniqueKind.ROLE_NAME, name, roleId);
        lookups.putReference(ReferenceKind.ROLE, roleId, cmd.name(), retired);
        apply(new RoleRenamed(roleId, cmd.name()));
    }

    @CommandHandler
    void handle(RetireRole cmd, Lookups lookups) {
        if (retired) {
            return;
        }
        RoleRules.refuseIfProtected(name);
        lookups.putReference(ReferenceKind.ROLE, roleId, name, true);
        apply(new RoleRetired(roleId));
    }

    @CommandHandler
    void handle(ReinstateRole cmd, Lookups lookups) {
        if (!retired) {
            return;
        }
        lookups.putReference(ReferenceKind.ROLE, roleId, name, false);
        apply(new RoleReinstated(roleId));
    }

    private static void claim(UUID id, String name, Lookups lookups) {
        if (!lookups.claim(UniqueKind.ROLE_NAME, name, id)) {
            throw new RuleViolation("role-name-taken", "A role named '" + name + "' already exists.");
        }
    }

    @EventSourcingHandler
    void on(RoleCreated event) {
        roleId = event.roleId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(RoleRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(RoleRetired event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(RoleReinstated event) {
        retired = false;
    }
}
