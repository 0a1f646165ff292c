/** The lessons read model: every lesson with its retired flag, by name. */
package org.carpentries.amy.query.lessons;
