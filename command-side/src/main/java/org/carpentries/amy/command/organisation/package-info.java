/** Organisations (AMY's hosts) that host and administer workshops. */
package org.carpentries.amy.command.organisation;
