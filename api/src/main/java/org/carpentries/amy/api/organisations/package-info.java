/** The organisations resource (AMY's hosts): register, edit, list, and history. */
package org.carpentries.amy.api.organisations;
