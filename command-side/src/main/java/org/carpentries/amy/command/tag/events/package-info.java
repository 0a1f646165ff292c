/** Facts about tags. */
package org.carpentries.amy.command.tag.events;
