/**
 * Roles people have at workshops (instructor, learner, helper…). AMY's own rules name five of them, which keep their
 * names.
 */
package org.carpentries.amy.command.role;
