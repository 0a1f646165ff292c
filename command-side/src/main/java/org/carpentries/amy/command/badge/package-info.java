/** Badges AMY awards (swc-instructor, trainer…): a fixed slug-like name, a title and criteria. Never deleted. */
package org.carpentries.amy.command.badge;
