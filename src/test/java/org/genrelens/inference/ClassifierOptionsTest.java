package org.genrelens.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassifierOptionsTest {

    @Test
    void defaultsAreAutoOneThreadPerTrackAutomaticBatchThreshold05() {
        ClassifierOptions options = ClassifierOptions.defaults();

        assertEquals(ExecutionPreference.AUTO, options.executionPreference());
        assertEquals(1, options.resolvedIntraOpThreads());
        assertEquals(ClassifierOptions.CPU_BATCH_SIZE, options.resolvedBatchSize(ExecutionProviderChooser.CPU));
        assertEquals(ClassifierOptions.CUDA_BATCH_SIZE, options.resolvedBatchSize(ExecutionProviderChooser.CUDA));
        assertEquals(0.5f, options.uncertaintyThreshold());
    }

    @Test
    void explicitValuesWinOverTheAutomaticOnes() {
        ClassifierOptions options = ClassifierOptions.defaults().withBatchSize(32).withIntraOpThreads(0);

        assertEquals(32, options.resolvedBatchSize(ExecutionProviderChooser.CPU));
        assertEquals(32, options.resolvedBatchSize(ExecutionProviderChooser.CUDA));
        assertEquals(Runtime.getRuntime().availableProcessors(), options.resolvedIntraOpThreads());
    }

    @Test
    void invalidValuesAreRejected() {
        ClassifierOptions d = ClassifierOptions.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withBatchSize(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withIntraOpThreads(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withUncertaintyThreshold(1.5f));
        assertThrows(NullPointerException.class, () -> d.withExecutionPreference(null));
    }
}
