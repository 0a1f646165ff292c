/** Operating AMY: read models with their positions and lag, rebuilds with progress, verifications. */
package org.carpentries.amy.api.admin;
