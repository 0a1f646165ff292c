package org.carpentries.amy.replay;

import org.springframework.test.context.TestPropertySource;

/** The same, with Axon's JDBC storage engine: its upcaster chain includes revision 1 too. */
@TestPropertySource(properties = "amy.event-store.engine=jdbc")
class MixedRevisionReplayJdbcIT extends MixedRevisionReplayIT {
}
