// The process allocator's settings, when migcompat is linked with jemalloc (MIGCOMPAT_JEMALLOC).
//
// A run allocates many small objects (parse trees, catalog snapshots, diagnostics) and keeps most of
// them until the report: on glibc's malloc a third of `lint`'s time went to first-touch page faults
// (one per 4 KiB). jemalloc with transparent huge pages takes one fault per 2 MiB (docs/performance.md).
#ifdef MIGCOMPAT_JEMALLOC
// Read by jemalloc at its first allocation; MALLOC_CONF in the environment still overrides it.
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's interface.
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:auto";
}
#endif
