/** Every rejection as RFC 9457 problem+json with a stable {@code code}; nothing internal leaks into a 500. */
package org.carpentries.amy.api.problem;
