/**
 * The legacy {@code config.istio.io} routing kinds of Istio 0.x: RouteRule, DestinationPolicy and
 * EgressRule, as typed, immutable values.
 *
 * <p>The shapes follow istio/api tag 0.8.0, {@code routing/v1alpha1/route_rule.proto},
 * {@code dest_policy.proto}, {@code egress_rule.proto}, {@code http_fault.proto} and {@code l4_fault.proto}
 * (the Go package was {@code v1alpha1}, the Kubernetes API version {@code config.istio.io/v1alpha2}).
 * Istio read them with protobuf's JSON mapping, so each field is bound under its lowerCamelCase JSON name
 * and, as protobuf's parser also allowed, under its original snake_case name ({@code use_egress_proxy}).
 *
 * <p>Proto3 semantics are kept: a scalar that is not written has its zero value, a repeated or map field
 * that is not written is empty, and a message or {@code oneof} member that is not written is {@code null}
 * (the one place where "absent" differs from "empty"). Durations stay as written ({@code 3m},
 * {@code 1.5s}) so checks can report them verbatim; {@code google.protobuf.Any} fields are plain maps.
 * Unknown fields are ignored when binding: reporting them is the schema check's job.
 */
package io.gwctl.model.legacy;
