/** Facts about workshops: the published language the read side and auditors rely on. */
package org.carpentries.amy.command.workshop.events;
