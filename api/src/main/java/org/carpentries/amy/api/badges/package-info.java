/** The badges resource: create, edit title and criteria, retire and reinstate (never delete), and history. */
package org.carpentries.amy.api.badges;
