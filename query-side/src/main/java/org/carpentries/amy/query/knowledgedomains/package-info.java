/** The knowledge domains read model: every field of work with its retired flag, by name. */
package org.carpentries.amy.query.knowledgedomains;
