/** The read side: one package per read model, each kept by a projection of the event store. */
package org.carpentries.amy.query;
