/**
 * The write model: one package per aggregate with its commands and rules, and an {@code events} package beside it
 * holding the published language.
 */
package org.carpentries.amy.command;
