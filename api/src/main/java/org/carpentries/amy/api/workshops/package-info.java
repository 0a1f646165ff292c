/** The workshops resource: schedule, read, list, edit, tag, complete, archive, merge, and history. */
package org.carpentries.amy.api.workshops;
