package org.carpentries.amy.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class CallersTest {

    @Test
    void eachRoleAndScopeAuthorityCountsAsItsCallerBesidesAnonymous() {
        assertThat(Callers.of(List.of("ROLE_ADMIN"))).containsExactlyInAnyOrder(Caller.ANONYMOUS, Caller.ADMIN);
        assertThat(Callers.of(List.of("ROLE_AUDITOR"))).containsExactlyInAnyOrder(Caller.ANONYMOUS, Caller.AUDITOR);
        assertThat(Callers.of(List.of("ROLE_STAFF"))).containsExactlyInAnyOrder(Caller.ANONYMOUS, Caller.STAFF);
        assertThat(Callers.of(List.of("SCOPE_exports:read")))
                .containsExactlyInAnyOrder(Caller.ANONYMOUS, Caller.EXPORTS_READ);
        assertThat(Callers.of(List.of("SCOPE_members:read")))
                .containsExactlyInAnyOrder(Caller.ANONYMOUS, Caller.MEMBERS_READ);
        assertThat(Callers.of(List.of("SCOPE_audit:read")))
                .containsExactlyInAnyOrder(Caller.ANONYMOUS, Caller.AUDIT_READ);
        assertThat(Callers.of(List.of("SCOPE_audit:read", "SCOPE_members:read")))
                .containsExactlyInAnyOrder(Caller.ANONYMOUS, Caller.AUDIT_READ, Caller.MEMBERS_READ);
    }

    @Test
    void unknownOrMisspelledAuthoritiesCountForNothing() {
        assertThat(Callers.of(List.of("ROLE_admin", "admin", "SCOPE_exports:write", "SCOPE_EXPORTS:READ",
                "ROLE_ANONYMOUS", "exports:read"))).containsExactly(Caller.ANONYMOUS);
    }

    @Test
    void anUnauthenticatedRequestIsOnlyAnonymous() {
        assertThat(Callers.of((org.springframework.security.core.Authentication) null))
                .containsExactly(Caller.ANONYMOUS);
        assertThat(Callers.of(new AnonymousAuthenticationToken("k", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS", "ROLE_ADMIN")))).containsExactly(Caller.ANONYMOUS);
        assertThat(Callers.of(UsernamePasswordAuthenticationToken.authenticated("a", null,
                AuthorityUtils.createAuthorityList("ROLE_AUDITOR")))).contains(Caller.AUDITOR);
    }

    @Test
    void adminsMayCallEverythingDeclaredOthersOnlyWhatNamesThem() {
        assertThat(Callers.allowed(Set.of(Caller.ANONYMOUS, Caller.ADMIN), List.of())).isTrue();
        assertThat(Callers.allowed(Set.of(Caller.ANONYMOUS, Caller.AUDITOR), List.of())).isFalse();
        assertThat(Callers.allowed(Set.of(Caller.ANONYMOUS, Caller.STAFF), List.of(Caller.STAFF, Caller.AUDITOR)))
                .isTrue();
        assertThat(Callers.allowed(Set.of(Caller.ANONYMOUS), List.of(Caller.ANONYMOUS))).isTrue();
        assertThat(Callers.allowed(Set.of(Caller.ANONYMOUS, Caller.EXPORTS_READ), List.of(Caller.MEMBERS_READ)))
                .isFalse();
    }

    @Test
    void onlyACallerAllowedSolelyAsStaffIsRedacted() {
        List<Caller> staffAndAuditors = List.of(Caller.STAFF, Caller.AUDITOR);
        assertThat(Callers.onlyAsStaff(Set.of(Caller.ANONYMOUS, Caller.STAFF), staffAndAuditors)).isTrue();
        assertThat(Callers.onlyAsStaff(Set.of(Caller.ANONYMOUS, Caller.STAFF, Caller.AUDITOR), staffAndAuditors))
                .isFalse();
        assertThat(Callers.onlyAsStaff(Set.of(Caller.ANONYMOUS, Caller.STAFF, Caller.ADMIN), staffAndAuditors))
                .isFalse();
        assertThat(Callers.onlyAsStaff(Set.of(Caller.ANONYMOUS, Caller.STAFF), List.of(Caller.ANONYMOUS)))
                .isFalse();
        assertThat(Callers.onlyAsStaff(Set.of(Caller.ANONYMOUS, Caller.AUDITOR), staffAndAuditors)).isFalse();
    }
}
