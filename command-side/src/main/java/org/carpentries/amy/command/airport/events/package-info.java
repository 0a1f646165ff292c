/** Facts about airports. */
package org.carpentries.amy.command.airport.events;
