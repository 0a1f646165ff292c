package org.carpentries.amy.command.role;

import java.util.Set;
import org.carpentries.amy.command.RuleViolation;

/** The roles AMY's own rules look up by name (attendance from learners, instructor issues, members, hosts). */
final class RoleRules {

    static final Set<String> PROTECTED = Set.of("instructor", "learner", "helper", "host", "organizer");

    private RoleRules() {
    }

    /** A protected role keeps its name and stays usable: renaming or retiring it would silently break those rules. */
    static void refuseIfProtected(String name) {
        if (PROTECTED.contains(name)) {
            throw new RuleViolation("role-protected", "The role '" + name + "' is one AMY's rules depend on; it "
                    + "cannot be renamed or retired.");
        }
    }
}
