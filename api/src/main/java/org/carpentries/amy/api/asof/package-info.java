/**
 * The difference between two instants of one workshop, tag, organisation or person, field by field, from the event
 * store.
 */
package org.carpentries.amy.api.asof;
