/** Facts about roles. */
package org.carpentries.amy.command.role.events;
