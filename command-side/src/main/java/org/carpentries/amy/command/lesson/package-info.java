/** Lessons (such as {@code swc/git}) that instructors are qualified to teach. Retired, never deleted. */
package org.carpentries.amy.command.lesson;
