/** Per-address rate limits on AMY's public exports and on logins: 429 with {@code Retry-After}, per node, in memory. */
package org.carpentries.amy.api.ratelimits;
