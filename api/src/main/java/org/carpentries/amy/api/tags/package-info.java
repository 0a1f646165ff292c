/** The tags resource: create, describe, retire and reinstate (never delete), and history. */
package org.carpentries.amy.api.tags;
