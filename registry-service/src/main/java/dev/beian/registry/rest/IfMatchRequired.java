package dev.beian.registry.rest;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write of a versioned record (ETag from its version): with {@code beian.registry.require-if-match}
 * on, {@link IfMatchFilter} answers it 428 when it comes without {@code If-Match}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@interface IfMatchRequired {
}
