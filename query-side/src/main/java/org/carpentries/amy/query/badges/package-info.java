/** The badges read model: every badge with its title, criteria and retired flag. */
package org.carpentries.amy.query.badges;
