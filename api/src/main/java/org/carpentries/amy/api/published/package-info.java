/**
 * AMY's public {@code /api/v1/events/published} export in YAML, JSON and CSV, byte-compatible with AMY's, except
 * that an unknown filter value is a 400 instead of a silently wider result.
 */
package org.carpentries.amy.api.published;
