/**
 * AMY's reports: {@code /api/v1/reports/*} in JSON, YAML and CSV as AMY rendered them (with its report bugs fixed),
 * and the instructor issues as JSON.
 */
package org.carpentries.amy.api.reports;
