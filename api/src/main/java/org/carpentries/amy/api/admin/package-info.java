/**
 * Operating AMY: read models with their positions and lag, rebuilds with progress, verifications on request and
 * on a schedule, with their metrics.
 */
package org.carpentries.amy.api.admin;
