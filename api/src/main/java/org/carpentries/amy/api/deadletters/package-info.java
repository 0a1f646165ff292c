/**
 * Events a projection could not apply, parked per processing group in Axon's dead-letter queue: listing, retrying
 * once the cause is fixed, evicting with a reason, and their count as the {@code amy.dead_letters} gauge.
 */
package org.carpentries.amy.api.deadletters;
