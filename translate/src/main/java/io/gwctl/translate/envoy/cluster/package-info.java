/**
 * The clusters and endpoints of a gateway as pilot builds them ({@code pilot/pkg/networking/core/cluster.go},
 * {@code cluster_builder.go}, {@code cluster_traffic_policy.go}): one outbound cluster per service port,
 * one per DestinationRule subset, their discovery type, load balancing and Istio metadata, and the endpoints
 * known from the input.
 */
package io.gwctl.translate.envoy.cluster;
