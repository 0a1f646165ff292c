/** The organisations read model (AMY's hosts). */
package org.carpentries.amy.query.organisations;
