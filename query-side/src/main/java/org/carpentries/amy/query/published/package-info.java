/**
 * Byte-for-byte renderings of the original AMY's published-events feed (YAML, JSON, CSV) and its derived fields.
 */
package org.carpentries.amy.query.published;
