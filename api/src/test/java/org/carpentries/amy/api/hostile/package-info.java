/** Hostile input against every route: thousands of malformed requests, each refused, none changing anything. */
package org.carpentries.amy.api.hostile;
