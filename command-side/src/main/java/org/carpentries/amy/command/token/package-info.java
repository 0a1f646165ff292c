/**
 * Machine clients' bearer tokens: issued and revoked by commands with events, while the secret's digest, expiry and
 * revocation live in the {@code api_token} table written in the command's transaction, which authentication reads.
 */
package org.carpentries.amy.command.token;
