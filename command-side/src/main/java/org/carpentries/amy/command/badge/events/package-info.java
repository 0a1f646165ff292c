/** Facts about badges. */
package org.carpentries.amy.command.badge.events;
