import CMalloc

/// How the C allocator gives freed memory back to the system.
enum AllocatorSettings {
    /// Fixes glibc's two thresholds: a block of 1 MiB or more is mapped on its own and unmapped when freed, and free
    /// memory past 128 KiB at the top of the heap is returned. Left alone, glibc raises both once a large block is freed,
    /// and a run that reads a hundred thousand files keeps memory it freed (about 2% of a large audit's peak). Below
    /// 1 MiB, blocks come from the heap, whose pages are reused: mapping each block of 128 KiB or more (glibc's first
    /// threshold) costs a large audit a second of page faults.
    static func returnFreedMemory() {
        #if os(Linux)
        _ = mallopt(M_MMAP_THRESHOLD, 1 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 128 * 1024)
        #endif
    }
}
