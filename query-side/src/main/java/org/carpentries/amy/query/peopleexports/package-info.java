/**
 * AMY's people exports ({@code /api/v1/export/badges}, {@code instructors}, {@code members}) as one read model, and
 * their documents rendered byte for byte as AMY's serializers and renderers wrote them.
 */
package org.carpentries.amy.query.peopleexports;
