package org.carpentries.amy.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint. Every handler method declares it (on the method, or on its controller for all of its
 * methods; the method's wins); an endpoint without a declaration is refused to everyone, and the access matrix test
 * fails on it. {@link Caller#ADMIN} may call everything whether named or not.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Access {

    /** The callers allowed, besides admins. */
    Caller[] value();
}
