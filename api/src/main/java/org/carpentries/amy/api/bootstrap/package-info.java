/**
 * What AMY creates by itself, through the same commands users send so it is in history: AMY's standard tags, the
 * self-organized organisation, its roles, badges, core lessons and knowledge domains, and on request a small demo
 * data set.
 */
package org.carpentries.amy.api.bootstrap;
