package io.gwctl.proxy.balance;

/** A consistent-hash table: the host (by its index in the list the table was built from) that owns a hash. */
public interface HashTable {

    /** The index of the host for {@code hash}; the same hash gives the same host while the table lives. */
    int pick(long hash);
}
