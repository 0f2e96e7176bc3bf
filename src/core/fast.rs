//! Hash maps keyed by leader ids and phrases, with a fast hasher (foldhash,
//! seeded per process, so a crafted file cannot make them slow). The
//! standard `SipHash` was a large part of opening 100,000 leaders.

/// A `HashMap` with the fast hasher; make one with `HashMap::default()`.
pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A `HashSet` with the fast hasher.
pub type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
