/** The lessons resource: create, rename, retire and reinstate (never delete), and history. */
package org.carpentries.amy.api.lessons;
