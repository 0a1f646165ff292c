/**
 * The workshops read model: every workshop with its tags, AMY's published rule, past/ongoing/upcoming timing and
 * "missing data" issues.
 */
package org.carpentries.amy.query.workshops;
