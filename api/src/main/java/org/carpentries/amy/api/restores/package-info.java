/**
 * Restore from history over HTTP: a dry run lists the commands and the diff, applying records them as new events
 * with the reason given and the instant restored.
 */
package org.carpentries.amy.api.restores;
