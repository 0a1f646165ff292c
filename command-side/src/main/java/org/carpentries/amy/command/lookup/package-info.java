/**
 * Set uniqueness and reference checks for the write side: lookup tables written in the same transaction as the
 * command that claims or releases a value.
 */
package org.carpentries.amy.command.lookup;
