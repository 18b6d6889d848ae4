package org.genrelens.training.cnn;

/**
 * What must hold before DJL's PyTorch engine starts in this process; called from the static initialisers of the
 * classes that reach it first ({@link CnnTrainer}, {@link CnnBuilder}).
 */
final class PyTorchSetup {

    private PyTorchSetup() {
    }

    static synchronized void prepare() {
        NativeAllocations.prepare();
        // one PyTorch thread unless the user chose otherwise: with two, the same seed trained different weights
        // (CnnTrainerTest), and on a busy 2-core machine every step was slower (README, Benchmarks)
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
