/** Facts about organisations. */
package org.carpentries.amy.command.organisation.events;
