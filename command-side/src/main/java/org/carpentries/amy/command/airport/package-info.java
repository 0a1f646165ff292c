/** Airports, by IATA code: where people travel from. Retired, never deleted. */
package org.carpentries.amy.command.airport;
