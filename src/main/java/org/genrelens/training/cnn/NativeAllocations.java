package org.genrelens.training.cnn;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.lang.System.Logger.Level;

/**
 * Tunes glibc's allocator for DJL's PyTorch engine in this process (mallopt, through JNA); elsewhere this does nothing.
 *
 * <ul>
 * <li><b>Zero-filled allocations</b> (M_PERTURB). PyTorch 2.7.1's CPU backward reads memory it did not write: once ONNX
 * Runtime has run in the same process (the app analyses, the tests compare), freed buffers come back holding NaN bit
 * patterns and the first Adam step turns every weight into NaN, or silently skews it. Zero-filled allocations give the
 * results PyTorch gives on fresh memory (decision record 16).</li>
 * <li><b>Freed memory is kept for the next step</b> (no mmap for large blocks, no trimming). A training step of the
 * bundled network allocates and frees about a gigabyte of activations; by default glibc returns large blocks to the
 * kernel on free, so every step faulted them in again, page by page, and zero-filled them twice. That was three
 * quarters of a step (1.96 s → 0.47 s per step of 32 tiles, decision record 26). {@link #giveBack} returns the memory
 * when training ends.</li>
 * </ul>
 */
final class NativeAllocations {

    private static final System.Logger LOG = System.getLogger(NativeAllocations.class.getName());
    /** glibc's mallopt parameters (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_MAX = -4;
    private static final int M_PERTURB = -6;
    /** Allocations become 0x00 (and freed memory 0xFF, a NaN pattern that makes a use after free show). */
    private static final int ZERO_ON_ALLOCATION = 0xFF;

    private static boolean done;

    private NativeAllocations() {
    }

    /** Idempotent; logs and carries on where the C library offers no such switch. */
    static synchronized void prepare() {
        if (done) {
            return;
        }
        done = true;
        if (!Platform.isLinux()) {
            return;
        }
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            if (c.mallopt(M_PERTURB, ZERO_ON_ALLOCATION) != 1) {
                LOG.log(Level.WARNING, "the C library refused zero-filled allocations; training may produce NaN "
                        + "after ONNX Runtime has run in this process");
            }
            if (c.mallopt(M_MMAP_MAX, 0) != 1 || c.mallopt(M_TRIM_THRESHOLD, Integer.MAX_VALUE) != 1) {
                LOG.log(Level.INFO, "the C library keeps returning freed memory to the system; training steps are "
                        + "slower");
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot tune the C library's allocator (" + e.getMessage()
                    + "); training may produce NaN after ONNX Runtime has run in this process, and is slower");
        }
    }

    /** Returns the memory training freed but kept to the system (malloc_trim); a no-op where it is not glibc. */
    static void giveBack() {
        if (!Platform.isLinux()) {
            return;
        }
        try {
            Native.load("c", CLibrary.class).malloc_trim(0);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.log(Level.DEBUG, "malloc_trim is not available: " + e.getMessage());
        }
    }

    private interface CLibrary extends Library {
        int mallopt(int parameter, int value);

        int malloc_trim(long pad);
    }
}
