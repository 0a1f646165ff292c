/** The airports read model: every airport with its retired flag, by IATA code. */
package org.carpentries.amy.query.airports;
