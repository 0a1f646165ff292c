/**
 * AMY's people exports: {@code /api/v1/export/badges} and {@code instructors} (public) and {@code members} (login),
 * byte-compatible with AMY's, except that an unknown or malformed parameter is a 400 instead of being ignored.
 */
package org.carpentries.amy.api.exports;
