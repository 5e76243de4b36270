package io.gwctl.validate.rules;

import io.gwctl.model.resource.ResourceType;
import java.util.Set;

/**
 * One check of one resource on its own, such as "a Gateway server's port is in range".
 *
 * <p>A rule declares the kinds it reads and reports through its {@link RuleContext}; it never throws
 * for a user's mistake. Rules for the typed Istio kinds run only when the object bound to its class
 * (a resource whose shape is wrong gets schema findings instead).
 */
public interface ResourceRule {

    /** The kinds this rule checks. */
    Set<ResourceType> kinds();

    /** Checks one resource of one of {@link #kinds()}. */
    void check(RuleContext context);
}
