package org.genrelens.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.nio.file.Path;
import org.genrelens.inference.ModelLoadException.Reason;
import org.genrelens.testing.OnnxTestModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real provider choice, no faked GPU. The default build ships the CPU-only ONNX Runtime, where CUDA must
 * fall back (AUTO) or be refused (CUDA); under the GPU build on a GPU machine, CUDA must really run.
 */
class ExecutionProviderTest {

    @TempDir
    Path dir;

    private Path model;

    @BeforeEach
    void writeModel() throws Exception {
        model = OnnxTestModels.writeCnn(dir, "cnn", TestTiles.smallMel(), TestTiles.GENRES, new int[] {4}, 5);
    }

    @Test
    void autoRunsCudaOrExplainsWhyNot() throws Exception {
        try (GenreClassifier classifier = GenreClassifier.open(model, options(ExecutionPreference.AUTO))) {
            String provider = classifier.executionProvider();
            String note = classifier.executionProviderNote();
            if (!cudaInThisBuild()) {
                assertEquals("CPU", provider);
                assertTrue(note.contains("CUDA provider not in this build"), note);
            }
            assertTrue(provider.equals("CPU") ? !note.isEmpty() : provider.equals("CUDA") && note.isEmpty(),
                    provider + " / " + note);
            assertEquals(3, classifier.classify(TestTiles.random(TestTiles.smallMel(), 2, 1, false))
                    .probabilities().length);
        }
    }

    @Test
    void cpuPreferenceRunsOnCpu() throws Exception {
        try (GenreClassifier classifier = GenreClassifier.open(model, options(ExecutionPreference.CPU))) {
            assertEquals("CPU", classifier.executionProvider());
            assertFalse(classifier.executionProviderNote().isEmpty());
        }
    }

    @Test
    void cudaPreferenceRefusesWhenCudaCannotRun() throws Exception {
        if (cudaInThisBuild()) {
            // GPU build: either CUDA really runs, or the refusal is typed.
            try (GenreClassifier classifier = GenreClassifier.open(model, options(ExecutionPreference.CUDA))) {
                assertEquals("CUDA", classifier.executionProvider());
                assertEquals("", classifier.executionProviderNote());
            } catch (ModelLoadException e) {
                assertEquals(Reason.CUDA_UNAVAILABLE, e.reason());
            }
            return;
        }
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> GenreClassifier.open(model, options(ExecutionPreference.CUDA)));
        assertEquals(Reason.CUDA_UNAVAILABLE, e.reason());
        assertTrue(e.getMessage().contains(model.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("choose AUTO or CPU"), e.getMessage());
    }

    private static boolean cudaInThisBuild() {
        return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
    }

    private static ClassifierOptions options(ExecutionPreference preference) {
        return ClassifierOptions.defaults().withExecutionPreference(preference).withIntraOpThreads(1);
    }
}
