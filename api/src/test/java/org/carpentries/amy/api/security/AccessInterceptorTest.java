package org.carpentries.amy.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

class AccessInterceptorTest {

    private final AccessInterceptor interceptor = new AccessInterceptor(new SecurityLog());

    /** A controller of AMY's that forgot its declaration on one method. */
    static class Handlers {
        String undeclared() {
            return "";
        }

        @Access(Caller.STAFF)
        String staff() {
            return "";
        }
    }

    /** A controller declaring one rule for all its methods, overridden on one. */
    @Access(Caller.AUDITOR)
    static class Declared {
        String fromClass() {
            return "";
        }

        @Access({})
        String adminOnly() {
            return "";
        }
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aHandlerWithoutAccessIsRefusedEvenToAdmins() throws Exception {
        MockHttpServletResponse anonymous = call("undeclared", Handlers.class);
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getContentAsString()).contains("\"code\":\"unauthenticated\"");

        login("ROLE_ADMIN");
        MockHttpServletResponse admin = call("undeclared", Handlers.class);
        assertThat(admin.getStatus()).isEqualTo(403);
        assertThat(admin.getContentAsString()).contains("\"code\":\"forbidden\"");
    }

    @Test
    void theMethodsDeclarationWinsOverItsControllers() throws Exception {
        assertThat(AccessInterceptor.declared(handler("fromClass", Declared.class))).containsExactly(Caller.AUDITOR);
        assertThat(AccessInterceptor.declared(handler("adminOnly", Declared.class))).isEmpty();
        assertThat(AccessInterceptor.declared(handler("undeclared", Handlers.class))).isNull();

        login("ROLE_AUDITOR");
        assertThat(call("fromClass", Declared.class).getStatus()).isEqualTo(200);
        assertThat(call("adminOnly", Declared.class).getStatus()).isEqualTo(403);
        login("ROLE_ADMIN");
        assertThat(call("adminOnly", Declared.class).getStatus()).isEqualTo(200);
    }

    @Test
    void aCallerAllowedOnlyAsStaffIsMarkedForRedaction() throws Exception {
        login("ROLE_STAFF");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
        assertThat(interceptor.preHandle(request, new MockHttpServletResponse(), handler("staff", Handlers.class)))
                .isTrue();
        assertThat(request.getAttribute(StaffFields.REDACT_ATTRIBUTE)).isEqualTo(Boolean.TRUE);

        login("ROLE_STAFF", "ROLE_ADMIN");
        MockHttpServletRequest admin = new MockHttpServletRequest("GET", "/api/things");
        assertThat(interceptor.preHandle(admin, new MockHttpServletResponse(), handler("staff", Handlers.class)))
                .isTrue();
        assertThat(admin.getAttribute(StaffFields.REDACT_ATTRIBUTE)).isNull();
    }

    @Test
    void aCorsPreflightIsLeftToTheCorsConfiguration() throws Exception {
        MockHttpServletRequest preflight = new MockHttpServletRequest("OPTIONS", "/api/things");
        preflight.addHeader("Origin", "https://example.org");
        preflight.addHeader("Access-Control-Request-Method", "GET");
        assertThat(interceptor.preHandle(preflight, new MockHttpServletResponse(), handler("undeclared",
                Handlers.class))).isTrue();
        MockHttpServletRequest options = new MockHttpServletRequest("OPTIONS", "/api/things");
        assertThat(interceptor.preHandle(options, new MockHttpServletResponse(), handler("undeclared",
                Handlers.class))).isFalse();
    }

    private MockHttpServletResponse call(String method, Class<?> type) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean go = interceptor.preHandle(new MockHttpServletRequest("GET", "/api/things"), response,
                handler(method, type));
        assertThat(go).isEqualTo(response.getStatus() == 200);
        return response;
    }

    private static HandlerMethod handler(String method, Class<?> type) throws NoSuchMethodException {
        return new HandlerMethod(instance(type), type.getDeclaredMethod(method));
    }

    private static Object instance(Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void login(String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "someone", null, AuthorityUtils.createAuthorityList(authorities)));
    }
}
