/**
 * People's logins for admins: who may log in with which roles, enabling and disabling logins, initial passwords and
 * one-time password reset links.
 */
package org.carpentries.amy.api.accounts;
