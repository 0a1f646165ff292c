/**
 * What every request shares: its id, the metadata its commands carry, the wait for read models after a write, and
 * the limits on what a request may send.
 */
package org.carpentries.amy.api.web;
