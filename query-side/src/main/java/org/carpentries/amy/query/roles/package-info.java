/** The roles read model: every role people can have at a workshop, with its retired flag. */
package org.carpentries.amy.query.roles;
