/**
 * AMY's reports (§2.8 and §4.4 of the reference), computed per request from the workshops and persons read models;
 * "today" comes from the configured clock at each call. Archived workshops and people never count.
 */
package org.carpentries.amy.query.reports;
