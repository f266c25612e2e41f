package dev.spinsim.core.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component (or every component of a record type) whose key a complete configuration
 * may leave out because its absence has a documented meaning — "keep the device's default", "derive
 * it from the circuit" — rather than a silent default. {@link ConfigLoader}'s complete mode ({@code
 * requireAllKeys}) requires every other key.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.TYPE})
public @interface OptionalKey {}
