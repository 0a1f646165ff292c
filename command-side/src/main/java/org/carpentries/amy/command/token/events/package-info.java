/** Facts about bearer tokens; never the secret or its digest. */
package org.carpentries.amy.command.token.events;
