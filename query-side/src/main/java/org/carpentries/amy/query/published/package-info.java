/**
 * Byte-for-byte renderings of the original AMY's {@code /api/v1/events/published} feed (YAML, JSON, CSV) and the
 * field formats it derived, kept as pure functions so projections can cache the text per event.
 */
package org.carpentries.amy.query.published;
