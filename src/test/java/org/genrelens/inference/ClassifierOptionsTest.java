package org.genrelens.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassifierOptionsTest {

    @Test
    void defaultsAreAutoAllCoresBatch32Threshold05() {
        ClassifierOptions options = ClassifierOptions.defaults();

        assertEquals(ExecutionPreference.AUTO, options.executionPreference());
        assertEquals(0, options.intraOpThreads());
        assertEquals(32, options.batchSize());
        assertEquals(0.5f, options.uncertaintyThreshold());
        assertEquals(Runtime.getRuntime().availableProcessors(), options.resolvedIntraOpThreads());
    }

    @Test
    void invalidValuesAreRejected() {
        ClassifierOptions d = ClassifierOptions.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withBatchSize(0));
        assertThrows(IllegalArgumentException.class, () -> d.withIntraOpThreads(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withUncertaintyThreshold(1.5f));
        assertThrows(NullPointerException.class, () -> d.withExecutionPreference(null));
    }
}
