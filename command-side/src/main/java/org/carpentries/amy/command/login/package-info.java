/**
 * Login state written in the command's transaction: whether a person may log in, their roles, password hash and
 * reset links, and their sessions; the API authenticates against it.
 */
package org.carpentries.amy.command.login;
