package org.genrelens.training.cnn;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.lang.System.Logger.Level;

/**
 * Makes glibc hand out zero-filled memory in this process (mallopt M_PERTURB), before DJL's PyTorch engine trains.
 * PyTorch 2.7.1's CPU backward reads memory it did not write: once ONNX Runtime has run in the same process (the
 * app analyses, the tests compare), freed buffers come back holding NaN bit patterns and the first Adam step turns
 * every weight into NaN, or silently skews it. Zero-filled allocations give the results PyTorch gives on fresh
 * memory. Only glibc has this switch; elsewhere this does nothing. Decision record 16 has the measurements.
 */
final class NativeAllocations {

    private static final System.Logger LOG = System.getLogger(NativeAllocations.class.getName());
    /** glibc's mallopt parameter: fill allocations with ~value and freed memory with value. */
    private static final int M_PERTURB = -6;
    /** Allocations become 0x00 (and freed memory 0xFF, a NaN pattern that makes a use after free show). */
    private static final int ZERO_ON_ALLOCATION = 0xFF;

    private static boolean done;

    private NativeAllocations() {
    }

    /** Idempotent; logs and carries on where the C library offers no such switch. */
    static synchronized void zeroFill() {
        if (done) {
            return;
        }
        done = true;
        if (!Platform.isLinux()) {
            return;
        }
        try {
            int accepted = Native.load("c", CLibrary.class).mallopt(M_PERTURB, ZERO_ON_ALLOCATION);
            if (accepted != 1) {
                LOG.log(Level.WARNING, "the C library refused zero-filled allocations; training may produce NaN "
                        + "after ONNX Runtime has run in this process");
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot ask the C library for zero-filled allocations (" + e.getMessage()
                    + "); training may produce NaN after ONNX Runtime has run in this process");
        }
    }

    private interface CLibrary extends Library {
        int mallopt(int parameter, int value);
    }
}
