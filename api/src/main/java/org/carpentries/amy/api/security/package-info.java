/**
 * Who may call what: every endpoint declares its callers with {@link org.carpentries.amy.api.security.Access}, enforced
 * before its arguments are read; staff answers leave out personal data beyond names. Sessions for the browser, scoped
 * bearer tokens for machine clients; the first admin comes from the environment or a password printed once.
 */
package org.carpentries.amy.api.security;
