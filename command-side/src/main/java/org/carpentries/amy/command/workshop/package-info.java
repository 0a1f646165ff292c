/**
 * Workshops (AMY's events): scheduling, editing, tags, completion, archiving, and the merge that never touches a
 * tag or a third workshop.
 */
package org.carpentries.amy.command.workshop;
