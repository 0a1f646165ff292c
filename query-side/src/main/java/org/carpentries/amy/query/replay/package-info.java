/**
 * Rebuilding read models from the event store: into shadow tables while the live ones keep serving, then copied
 * over in one transaction; with progress and a row-by-row comparison.
 */
package org.carpentries.amy.query.replay;
