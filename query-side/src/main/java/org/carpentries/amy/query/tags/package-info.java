/** The tags read model: every tag with its retired flag, for lists, pickers and details. */
package org.carpentries.amy.query.tags;
