/** Tags label workshops (SWC, DC, LC…). A tag is never deleted: it is retired, and its links stay. */
package org.carpentries.amy.command.tag;
