/**
 * Machine clients' bearer tokens, for admins: issue (the secret is shown once), list, read and revoke. Reads query
 * {@code api_token} directly: it is the write side's security state, which authentication reads too, not a view.
 */
package org.carpentries.amy.api.tokens;
