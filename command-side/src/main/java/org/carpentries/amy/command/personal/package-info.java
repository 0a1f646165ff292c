/**
 * Personal data inside events, sealed with a key of the person's own (crypto-shredding): erasing a person deletes
 * the key, history stays replayable, and the sealed values read as erased.
 */
package org.carpentries.amy.command.personal;
