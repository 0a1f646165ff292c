/**
 * AMY's "find instructors" (§4.13 of the reference): people with an instructor badge and an airport, near a place
 * or in some countries, with given lessons and badges.
 */
package org.carpentries.amy.query.instructors;
