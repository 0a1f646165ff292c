/** Facts about lessons. */
package org.carpentries.amy.command.lesson.events;
