/**
 * Consistent hashing for the upstream load balancers Envoy calls thread-aware: the hash of a request key
 * (xxHash64, as Envoy hashes hash-policy values) and the ring hash and Maglev tables that map a hash to a host.
 */
package io.gwctl.proxy.balance;
