package org.genrelens.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrelens.features.FeatureSpec;
import org.genrelens.inference.ModelLoadException.Reason;
import org.genrelens.testing.OnnxTestModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a model can be wrong gives its own reason and a message naming the file. */
class ModelRefusalTest {

    private static final ClassifierOptions CPU = ClassifierOptions.defaults()
            .withExecutionPreference(ExecutionPreference.CPU).withIntraOpThreads(1);

    @TempDir
    Path dir;

    private Path model;
    private Path cardFile;
    private ModelCard card;

    @BeforeEach
    void writeGoodModel() throws Exception {
        model = OnnxTestModels.writeCnn(dir, "genre-cnn", TestTiles.smallMel(), TestTiles.GENRES, new int[] {4},
                3);
        cardFile = ModelCard.cardPathFor(model);
        card = ModelCard.read(cardFile);
    }

    @Test
    void goodModelLoads() throws Exception {
        try (GenreClassifier classifier = GenreClassifier.open(model, CPU)) {
            assertEquals("CPU", classifier.executionProvider());
        }
    }

    @Test
    void tamperedModelByteIsAHashMismatch() throws Exception {
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(model, bytes);

        ModelLoadException e = refused(Reason.HASH_MISMATCH, model);
        assertTrue(e.getMessage().contains("the model file was changed or corrupted; re-export it or restore the card"),
                e.getMessage());
    }

    @Test
    void cardInputShapeOtherThanTheGraphsIsRefused() throws Exception {
        // A self-consistent card for 32-band tiles beside a graph built for 16 bands.
        FeatureSpec wider = withBands(card.featureSpec(), 32);
        List<Long> widerShape = List.of(-1L, 1L, 32L, 31L);
        withCard(new ModelCard(1, card.name(), card.labels(), wider, widerShape, card.sha256(), card.createdAt(),
                card.provenance(), card.modelSpec(), card.metrics()));

        ModelLoadException e = refused(Reason.INPUT_SHAPE_MISMATCH, model);
        assertTrue(e.getMessage().contains("[-1, 1, 16, 31]") && e.getMessage().contains("[-1, 1, 32, 31]"),
                e.getMessage());
    }

    @Test
    void cardWhoseFeatureSpecDisagreesWithItsInputShapeIsRefused() throws Exception {
        withCard(new ModelCard(1, card.name(), card.labels(), withBands(card.featureSpec(), 32),
                card.inputShape(), card.sha256(), card.createdAt(), card.provenance(), card.modelSpec(),
                card.metrics()));

        refused(Reason.FEATURE_SPEC_MISMATCH, cardFile);
    }

    @Test
    void labelCountOtherThanOutputWidthIsRefused() throws Exception {
        List<String> four = new ArrayList<>(card.labels());
        four.add("jazz");
        withCard(new ModelCard(1, card.name(), four, card.featureSpec(), card.inputShape(), card.sha256(),
                card.createdAt(), card.provenance(), card.modelSpec(), card.metrics()));

        ModelLoadException e = refused(Reason.OUTPUT_MISMATCH, model);
        assertTrue(e.getMessage().contains("3 probabilities") && e.getMessage().contains("4 labels"),
                e.getMessage());
    }

    @Test
    void missingCardIsRefused() throws Exception {
        Files.delete(cardFile);

        refused(Reason.CARD_MISSING, cardFile);
    }

    @Test
    void garbageCardJsonIsRefused() throws Exception {
        Files.writeString(cardFile, "{ this is not json");

        refused(Reason.CARD_INVALID, cardFile);
    }

    @Test
    void cardWithoutARequiredFieldIsRefusedNamingTheField() throws Exception {
        Files.writeString(cardFile, Files.readString(cardFile).replace("\"sha256\"", "\"sha256-renamed\""));

        ModelLoadException e = refused(Reason.CARD_INVALID, cardFile);
        assertTrue(e.getMessage().contains("'sha256'"), e.getMessage());
    }

    @Test
    void missingModelIsRefused() throws Exception {
        Files.delete(model);

        refused(Reason.MODEL_MISSING, model);
    }

    @Test
    void fileThatIsNotAnOnnxGraphIsARuntimeLoadError() throws Exception {
        Files.writeString(model, "not a protobuf at all");
        withCard(new ModelCard(1, card.name(), card.labels(), card.featureSpec(), card.inputShape(),
                ModelCard.sha256Of(model), card.createdAt(), card.provenance(), card.modelSpec(), card.metrics()));

        refused(Reason.RUNTIME_LOAD_FAILED, model);
    }

    private void withCard(ModelCard replacement) throws Exception {
        replacement.write(cardFile);
    }

    private ModelLoadException refused(Reason reason, Path namedFile) {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> GenreClassifier.open(model, CPU));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(namedFile, e.file());
        assertTrue(e.getMessage().contains(namedFile.toString()), e.getMessage());
        return e;
    }

    private static FeatureSpec withBands(FeatureSpec s, int bands) {
        return new FeatureSpec(s.type(), s.sampleRate(), s.windowSeconds(), s.windowHopSeconds(), s.fftSizes(),
                s.hopLength(), bands, s.fMin(), s.fMax(), s.stftScale(), s.dbReference(), s.topDb(), s.normMean(),
                s.normStd());
    }
}
