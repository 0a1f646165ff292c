/**
 * Who may call what: admins for every write and admin endpoint, anyone for AMY's public exports. Sessions for the
 * browser, scoped bearer tokens for machine clients; the first admin comes from the environment or a password
 * printed once.
 */
package org.carpentries.amy.api.security;
