package org.carpentries.amy.command.tag;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a retired tag be assigned again. Reinstating an active tag changes nothing. */
public record ReinstateTag(@TargetAggregateIdentifier UUID tagId) {
}
