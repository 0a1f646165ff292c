/** The airports resource: register, edit, retire and reinstate (never delete), and history. */
package org.carpentries.amy.api.airports;
