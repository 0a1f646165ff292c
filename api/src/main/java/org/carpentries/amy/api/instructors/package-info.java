/** AMY's "find instructors": instructors near an airport or a point, or in some countries. */
package org.carpentries.amy.api.instructors;
