package org.genrelens.training.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.genrelens.inference.ModelCard;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.evaluation.ClassificationMetrics;
import org.genrelens.training.evaluation.ClipPrediction;
import org.genrelens.training.evaluation.EvaluationReport;
import org.genrelens.training.evaluation.ModelScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each typed part of a card, written to a real card file and read back, is what was written. */
class CardRecordsRoundTripTest {

    private static final List<String> LABELS = List.of("jazz", "not-music", "rock");

    private static EvaluationReport report(String split) {
        List<ClipPrediction> predictions = List.of(
                prediction("jazz", "a.wav", new float[] {0.9f, 0.05f, 0.05f}, new float[] {0.2f, 0.1f, 0.7f}),
                prediction("rock", "b.wav", new float[] {0.1f, 0.2f, 0.7f}),
                prediction("rock", "c.wav", new float[] {0.1f, 0.8f, 0.1f}),
                prediction("not-music", "d.wav", new float[] {0.1f, 0.8f, 0.1f}));
        return EvaluationReport.of(split, LABELS, predictions, List.of("rock/e.wav: not audio"));
    }

    private static ClipPrediction prediction(String genre, String name, float[]... windows) {
        return new ClipPrediction(new LabeledClip(Path.of(genre, name), genre), windows);
    }

    private static TrainingProvenance recipeProvenance() {
        return new TrainingProvenance("GenreLens CnnTrainer (DJL 0.36.0, PyTorch engine)", "tiny", 4,
                Map.of("jazz", 1, "not-music", 1, "rock", 2), Optional.empty(), List.of("rock/e.wav: not audio"),
                Optional.of(3), Optional.of(1), 42, Optional.of(2), "17.0.15", Optional.empty(), Optional.of(false),
                Optional.of(HeardClips.of(List.of(new LabeledClip(Path.of("jazz", "a.wav"), "jazz")))));
    }

    @Test
    void recipeProvenanceAndMetricsReadBackAsWritten(@TempDir Path dir) throws Exception {
        TuningRecord tuning = new TuningRecord("standard", 20, 9, 3, 17, 0.8123, 0.6234, "stratified 80/20 by clip",
                List.of("jazz/a.wav"), 7);
        RecipeMetrics metrics = new RecipeMetrics(Optional.of(new RecipeMetrics.CrossValidation("2 folds",
                HeldOutScores.of(report("2-fold-by-clip"), "not-music"), FoldScores.of(List.of(0.61234, 0.8)))),
                Optional.of(HeldOutScores.of(report("2-fold-by-clip-without-1-tuning-clips"), "not-music")),
                Optional.of(tuning));

        ModelCard card = CardJson.throughDisk(dir, LABELS, recipeProvenance().toMap(), Map.of(), metrics.toMap());

        assertEquals(recipeProvenance(), ModelProvenance.of(card));
        CardMetrics read = CardMetrics.of(card);
        assertInstanceOf(RecipeMetrics.class, read);
        assertEquals(CardJson.tree(metrics.toMap()), CardJson.tree(read.toMap()));
        RecipeMetrics recipe = (RecipeMetrics) read;
        assertEquals(tuning, recipe.tuning().orElseThrow());
        assertEquals(new FoldScores(List.of(0.6123, 0.8), 0.7062, 0.0938), recipe.crossValidation().orElseThrow()
                .folds());
        assertEquals(new MusicOnlyScores(3, 0.6667, 0.75, "not-music", 1),
                recipe.crossValidation().orElseThrow().scores().musicOnly().orElseThrow());
        assertEquals(Optional.of(new ModelScore(0.8333, "2-fold-by-clip-without-1-tuning-clips", 4)), read.headline(),
                "without the tuner's clips comes first");
    }

    @Test
    void aFineTuningQuotesOnlyTheClipsItsStartNeverHeardAndNothingWhenItHeardThemAll(@TempDir Path dir)
            throws Exception {
        var crossValidation = Optional.of(new RecipeMetrics.CrossValidation("2 folds",
                HeldOutScores.of(report("2-fold-by-clip"), "not-music"), FoldScores.of(List.of(0.9, 1.0))));
        RecipeMetrics some = new RecipeMetrics(crossValidation, Optional.empty(), Optional.empty(),
                Optional.of(new RecipeMetrics.WithoutHeardClips(3, Optional.of(HeldOutScores.of(
                        report("2-fold-by-clip-without-3-clips-the-start-heard"), "not-music")))));

        CardMetrics read = CardMetrics.of(CardJson.throughDisk(java.nio.file.Files.createDirectories(dir.resolve("some")), LABELS,
                recipeProvenance().toMap(), Map.of(), some.toMap()));

        assertEquals(CardJson.tree(some.toMap()), CardJson.tree(read.toMap()));
        assertEquals(3, ((RecipeMetrics) read).withoutHeardClips().orElseThrow().heldOutClips());
        assertEquals("2-fold-by-clip-without-3-clips-the-start-heard", read.headline().orElseThrow().split(),
                "the clips the start heard would flatter the score");

        RecipeMetrics all = new RecipeMetrics(crossValidation, Optional.empty(), Optional.empty(),
                Optional.of(new RecipeMetrics.WithoutHeardClips(4, Optional.empty())));
        RecipeMetrics allRead = (RecipeMetrics) CardMetrics.of(CardJson.throughDisk(java.nio.file.Files.createDirectories(dir.resolve("all")), LABELS,
                recipeProvenance().toMap(), Map.of(), all.toMap()));
        assertEquals(Optional.empty(), allRead.headline());
        assertTrue(allRead.unscoredBecause().orElseThrow().contains("all 4 clips"), allRead.unscoredBecause().get());
    }

    @Test
    void aRecipeCardWithoutFoldsHasNoMetricsAndNoHeadline(@TempDir Path dir) throws Exception {
        RecipeMetrics none = new RecipeMetrics(Optional.empty(), Optional.empty(), Optional.empty());

        ModelCard card = CardJson.throughDisk(dir, LABELS, recipeProvenance().toMap(), Map.of(), none.toMap());

        assertEquals(Map.of(), card.metrics());
        assertEquals(none, CardMetrics.of(card));
        assertEquals(Optional.empty(), CardMetrics.of(card).headline());
    }

    @Test
    void baselineProvenanceAndMetricsReadBackAsWritten(@TempDir Path dir) throws Exception {
        TrainingProvenance provenance = new TrainingProvenance("GenreLens statistics baseline", "tiny", 4,
                Map.of("jazz", 1, "not-music", 1, "rock", 2), Optional.of("ab".repeat(32)), List.of(), Optional.empty(),
                Optional.empty(), 42, Optional.empty(), "17.0.15", Optional.of("development build"), Optional.empty(),
                Optional.empty());
        ClassificationMetrics trackLevel = report("x").trackLevel();
        BaselineMetrics metrics = new BaselineMetrics("2 folds", trackLevel,
                Optional.of(MusicOnlyScores.of(trackLevel, "not-music")), FoldScores.of(List.of(0.5, 0.7)));

        ModelCard card = CardJson.throughDisk(dir, LABELS, provenance.toMap(), Map.of(), metrics.toMap());

        assertEquals(provenance, ModelProvenance.of(card));
        CardMetrics read = CardMetrics.of(card);
        assertInstanceOf(BaselineMetrics.class, read);
        assertEquals(CardJson.tree(metrics.toMap()), CardJson.tree(read.toMap()));
        assertEquals(Optional.empty(), read.headline(), "a baseline's scores name no split, so none is quoted");
    }

    @Test
    void exportProvenanceAndMetricsKeepEachMembersOwnRecords(@TempDir Path dir) throws Exception {
        Map<String, Object> foreign = new LinkedHashMap<>();
        foreign.put("dataset", "someone else's");
        ExportProvenance provenance = new ExportProvenance("genrelens export (mean)", List.of(
                new ExportProvenance.Member("a.onnx", "a", "00".repeat(32), "2026-01-01T00:00:00Z",
                        recipeProvenance().toMap()),
                new ExportProvenance.Member("b.onnx", "b", "11".repeat(32), "2026-01-02T00:00:00Z", foreign)),
                "17.0.15");
        ExportMetrics metrics = new ExportMetrics("not evaluated", List.of(Map.of("protocol", "member a"), Map.of()));

        ModelCard card = CardJson.throughDisk(dir, LABELS, provenance.toMap(), Map.of(), metrics.toMap());

        assertEquals(CardJson.tree(provenance.toMap()), CardJson.tree(ModelProvenance.of(card).toMap()));
        ExportProvenance read = assertInstanceOf(ExportProvenance.class, ModelProvenance.of(card));
        assertEquals(recipeProvenance(), ModelProvenance.fromMap(read.members().get(0).provenance()));
        assertEquals(metrics, CardMetrics.of(card));
        assertEquals(Optional.empty(), CardMetrics.of(card).headline());
    }

    @Test
    void anEnsembleDescriptionReadsBackAsWritten(@TempDir Path dir) throws Exception {
        EnsembleDescription ensemble = EnsembleDescription.weightedMean(new double[] {0.25, 0.25, 0.5}, List.of(
                new EnsembleDescription.NetworkMember(42, 19, 27, 170, 27),
                new EnsembleDescription.NetworkMember(1042, 11, 19, 170, 27),
                new EnsembleDescription.StatisticsMember(40, 0.03, 197)));

        ModelCard card = CardJson.throughDisk(dir, LABELS, recipeProvenance().toMap(),
                Map.of("classes", 3, EnsembleDescription.KEY, ensemble.toMap()), Map.of());

        assertEquals(Optional.of(ensemble), EnsembleDescription.inModelSpec(card.modelSpec()));
        assertEquals(Optional.empty(), EnsembleDescription.inModelSpec(Map.of("classes", 3)));
    }

    @Test
    void anExportedEnsemblesSpecKeepsEachMembersOwnSpec(@TempDir Path dir) throws Exception {
        ExportedEnsembleSpec spec = new ExportedEnsembleSpec("mean of member probabilities",
                List.of(Map.of("classes", 3, "blockChannels", List.of(8, 16)), Map.of("family", "statistics")));

        ModelCard card = CardJson.throughDisk(dir, LABELS, recipeProvenance().toMap(), spec.toMap(), Map.of());

        assertEquals(Optional.of(spec), ExportedEnsembleSpec.of(card.modelSpec()));
        assertEquals(Optional.empty(), ExportedEnsembleSpec.of(Map.of("classes", 3)), "a network is no ensemble");
    }

    @Test
    void aNetworksFinalTrainingReadsBackFromItsModelSpec(@TempDir Path dir) throws Exception {
        Map<String, Object> spec = new LinkedHashMap<>(Map.of("classes", 3));
        new FinalTraining(19, 27).writeTo(spec);

        ModelCard card = CardJson.throughDisk(dir, LABELS, recipeProvenance().toMap(), spec, Map.of());

        assertEquals(Optional.of(new FinalTraining(19, 27)), FinalTraining.inModelSpec(card.modelSpec()));
        assertEquals(Optional.empty(), FinalTraining.inModelSpec(Map.of("classes", 3)), "an ensemble has none");
    }

    @Test
    void aBaselineSpecFromBeforeCepstralStatisticsReadsAsBandStatistics() {
        Map<String, Object> old = Map.of("family", StatisticsModelSpec.FAMILY, "features", "per (channel, band): mean "
                + "and standard deviation over the tile's frames", "l2", 0.01, "iterations", 300, "learningRate", 0.05,
                "classWeights", "inverse tile frequency");

        StatisticsModelSpec spec = StatisticsModelSpec.of(old).orElseThrow();

        assertEquals(0, spec.cepstralCoefficients());
        assertEquals(300, spec.iterations());
    }
}
