/** The audit log over HTTP: what changed across all records, who did it and in which request, as JSON or CSV. */
package org.carpentries.amy.api.audit;
