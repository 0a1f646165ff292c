/** Facts about knowledge domains. */
package org.carpentries.amy.command.knowledgedomain.events;
