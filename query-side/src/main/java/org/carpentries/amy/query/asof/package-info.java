/**
 * Records and exports as they were at an instant, and the differences between two instants, folded from the event
 * store itself (never from a copy kept on the side) and rendered by the live read models' own code.
 */
package org.carpentries.amy.query.asof;
