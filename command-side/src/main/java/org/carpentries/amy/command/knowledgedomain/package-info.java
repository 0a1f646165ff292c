/** Knowledge domains (fields of science) that people work in. Retired, never deleted. */
package org.carpentries.amy.command.knowledgedomain;
