package org.genrelens.training.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.Tiles;
import org.genrelens.inference.ClassifierOptions;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.ModelCard;
import org.genrelens.training.baseline.SoftmaxRegression;
import org.genrelens.training.baseline.StatisticsModelWriter;
import org.genrelens.training.baseline.TileStatistics;
import org.genrelens.training.card.CardMetrics;
import org.genrelens.training.card.ExportMetrics;
import org.genrelens.training.card.ExportProvenance;
import org.genrelens.training.card.ExportedEnsembleSpec;
import org.genrelens.training.card.ModelProvenance;
import org.genrelens.training.cnn.CnnTestNets;
import org.genrelens.training.cnn.ModelSpec;
import org.genrelens.training.cnn.OnnxExporter;
import org.genrelens.training.cnn.PoolingType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelEnsemblerTest {

    private static final List<String> LABELS = List.of("blues", "jazz", "rock");

    @Test
    void ensembleOutputIsTheMeanOfItsMembersInOnnxRuntime(@TempDir Path dir) throws Exception {
        FeatureSpec spec = smallSpec();
        // two CNNs of different shapes and a statistics model: any graphs with the same labels and features merge
        List<ModelEnsembler.Member> members = List.of(
                cnn(dir, "cnn-a", new ModelSpec(1, 3, List.of(4, 8), 3, true, PoolingType.MAX, 8, 0.2), spec, 1),
                cnn(dir, "cnn-b", new ModelSpec(1, 3, List.of(4, 4), 3, false, PoolingType.AVG, 0, 0.0), spec, 2),
                statistics(dir, "stats", spec));
        Path ensemble = dir.resolve("ensemble.onnx");

        ModelCard card = ModelEnsembler.export(members, ensemble, "genre-ensemble");

        Tiles tiles = randomTiles(spec, 6, new Random(5));
        List<float[][]> memberOutputs = new ArrayList<>();
        for (ModelEnsembler.Member member : members) {
            try (GenreClassifier classifier = GenreClassifier.open(member.onnx(), ClassifierOptions.defaults())) {
                memberOutputs.add(classifier.windowProbabilities(tiles));
            }
        }
        try (GenreClassifier classifier = GenreClassifier.open(ensemble, ClassifierOptions.defaults())) {
            float[][] merged = classifier.windowProbabilities(tiles);
            for (int t = 0; t < tiles.count(); t++) {
                for (int k = 0; k < LABELS.size(); k++) {
                    double mean = 0;
                    for (float[][] output : memberOutputs) {
                        mean += output[t][k] / memberOutputs.size();
                    }
                    assertEquals(mean, merged[t][k], 1e-5, "tile " + t + " class " + k);
                }
            }
        }
        assertEquals("genre-ensemble", card.name());
        assertEquals(ModelCard.sha256Of(ensemble), card.sha256());
        assertEquals(card, ModelCard.read(ModelCard.cardPathFor(ensemble)));
        ExportProvenance provenance = assertInstanceOf(ExportProvenance.class, ModelProvenance.of(card));
        assertEquals(List.of("cnn-a", "cnn-b", "stats"),
                provenance.members().stream().map(ExportProvenance.Member::name).toList());
        assertEquals(3, ExportedEnsembleSpec.of(card.modelSpec()).orElseThrow().members().size());
        ExportMetrics metrics = assertInstanceOf(ExportMetrics.class, CardMetrics.of(card));
        assertTrue(metrics.protocol().contains("not evaluated"));
        assertEquals(3, metrics.members().size());
    }

    @Test
    void eachMemberComesBackAsTheGraphItWasBeforeMerging(@TempDir Path dir) throws Exception {
        FeatureSpec spec = smallSpec();
        ModelSpec network = new ModelSpec(1, 3, List.of(4, 8), 3, true, PoolingType.MAX, 8, 0.2);
        List<ModelEnsembler.Member> members = List.of(cnn(dir, "seed-a", network, spec, 1),
                cnn(dir, "seed-b", network, spec, 2));
        Path ensemble = dir.resolve("ensemble.onnx");
        ModelEnsembler.export(members, ensemble, "seeds");
        ai.onnx.proto.OnnxMl.ModelProto merged = ai.onnx.proto.OnnxMl.ModelProto.parseFrom(
                Files.readAllBytes(ensemble));

        for (int m = 0; m < members.size(); m++) {
            ai.onnx.proto.OnnxMl.GraphProto original = ai.onnx.proto.OnnxMl.ModelProto.parseFrom(
                    Files.readAllBytes(members.get(m).onnx())).getGraph();
            ai.onnx.proto.OnnxMl.GraphProto member = ModelEnsembler.member(merged, m).getGraph();
            assertEquals(original.getInitializerList(), member.getInitializerList(), "member " + m + "'s weights");
            assertEquals(original.getNodeList(), member.getNodeList(), "member " + m + "'s nodes");
        }
        assertNotEquals(ModelEnsembler.member(merged, 0).getGraph().getInitializerList(),
                ModelEnsembler.member(merged, 1).getGraph().getInitializerList(), "two seeds, two sets of weights");
        assertThrows(IllegalArgumentException.class, () -> ModelEnsembler.member(merged, 2));
    }

    @Test
    void weightedEnsembleOutputIsTheWeightedMeanOfItsMembers(@TempDir Path dir) throws Exception {
        FeatureSpec spec = smallSpec();
        List<ModelEnsembler.Member> members = List.of(statistics(dir, "a", spec), statistics(dir, "b", spec),
                cnn(dir, "c", new ModelSpec(1, 3, List.of(4, 8), 3, true, PoolingType.MAX, 8, 0.2), spec, 3));
        double[] weights = {0.2, 0.3, 0.5};
        Path ensemble = dir.resolve("weighted.onnx");
        ModelEnsembler.writeGraph(members.stream().map(ModelEnsembler.Member::onnx).toList(), weights,
                spec.inputShape(), LABELS.size(), ensemble);
        ModelCard.describe(ensemble, "weighted", LABELS, spec, Map.of(), Map.of(), Map.of())
                .write(ModelCard.cardPathFor(ensemble));

        Tiles tiles = randomTiles(spec, 4, new Random(8));
        float[][] expected = new float[tiles.count()][LABELS.size()];
        for (int m = 0; m < members.size(); m++) {
            try (GenreClassifier classifier = GenreClassifier.open(members.get(m).onnx(),
                    ClassifierOptions.defaults())) {
                float[][] output = classifier.windowProbabilities(tiles);
                for (int t = 0; t < tiles.count(); t++) {
                    for (int k = 0; k < LABELS.size(); k++) {
                        expected[t][k] += (float) (weights[m] * output[t][k]);
                    }
                }
            }
        }
        try (GenreClassifier classifier = GenreClassifier.open(ensemble, ClassifierOptions.defaults())) {
            float[][] merged = classifier.windowProbabilities(tiles);
            for (int t = 0; t < tiles.count(); t++) {
                for (int k = 0; k < LABELS.size(); k++) {
                    assertEquals(expected[t][k], merged[t][k], 1e-5, "tile " + t + " class " + k);
                }
            }
        }
    }

    @Test
    void singleModelIsReExportedUnchangedUnderANewName(@TempDir Path dir) throws Exception {
        ModelEnsembler.Member member = statistics(dir, "stats", smallSpec());
        Path target = dir.resolve("renamed.onnx");

        ModelCard card = ModelEnsembler.export(List.of(member), target, null);

        assertEquals("renamed", card.name());
        assertEquals(member.card().sha256(), card.sha256());
        assertEquals(member.card().metrics(), card.metrics());
        assertTrue(assertInstanceOf(ExportProvenance.class, ModelProvenance.of(card)).exporter().contains("re-export"));
        try (GenreClassifier classifier = GenreClassifier.open(target, ClassifierOptions.defaults())) {
            assertEquals(LABELS, classifier.card().labels());
        }
    }

    @Test
    void refusesMembersWithOtherLabelsOrFeatures(@TempDir Path dir) throws Exception {
        FeatureSpec spec = smallSpec();
        ModelEnsembler.Member member = statistics(dir, "a", spec);
        Path otherLabels = dir.resolve("b.onnx");
        Files.copy(member.onnx(), otherLabels);
        ModelCard relabelled = ModelCard.describe(otherLabels, "b", List.of("blues", "jazz", "pop"), spec, Map.of(),
                Map.of(), Map.of());
        relabelled.write(ModelCard.cardPathFor(otherLabels));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ModelEnsembler.export(
                List.of(member, ModelEnsembler.Member.read(otherLabels)), dir.resolve("out.onnx"), null));
        assertTrue(refused.getMessage().contains("labels"), refused.getMessage());
        assertTrue(Files.notExists(dir.resolve("out.onnx")));
    }

    @Test
    void refusesAModelWhoseCardDoesNotMatchIt(@TempDir Path dir) throws Exception {
        ModelEnsembler.Member member = statistics(dir, "a", smallSpec());
        Files.write(member.onnx(), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ModelEnsembler.Member.read(member.onnx()));
        assertTrue(refused.getMessage().contains("SHA-256"), refused.getMessage());
    }

    static FeatureSpec smallSpec() {
        FeatureSpec mel = FeatureSpec.defaultMel();
        return new FeatureSpec(mel.type(), mel.sampleRate(), mel.windowSeconds(), mel.windowHopSeconds(),
                mel.fftSizes(), 2048, 16, mel.fMin(), mel.fMax(), mel.stftScale(), mel.dbReference(), mel.topDb(),
                mel.normMean(), mel.normStd());
    }

    private static ModelEnsembler.Member cnn(Path dir, String name, ModelSpec modelSpec, FeatureSpec spec, long seed)
            throws Exception {
        Path file = dir.resolve(name + ".onnx");
        try (Model model = CnnTestNets.trained(modelSpec, spec.height(), spec.framesPerWindow(), seed, 3)) {
            OnnxExporter.export(model.getBlock(), modelSpec, spec, file);
        }
        ModelCard.describe(file, name, LABELS, spec, Map.of("seed", seed), modelSpec.toMap(),
                Map.of("protocol", "none", "accuracy", 0.5)).write(ModelCard.cardPathFor(file));
        return ModelEnsembler.Member.read(file);
    }

    private static ModelEnsembler.Member statistics(Path dir, String name, FeatureSpec spec) throws Exception {
        Random random = new Random(name.hashCode());
        float[][] weights = new float[LABELS.size()][TileStatistics.featureCount(spec.channels(), spec.height())];
        for (float[] row : weights) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (random.nextGaussian() * 0.3);
            }
        }
        Path file = dir.resolve(name + ".onnx");
        StatisticsModelWriter.write(file, spec, new SoftmaxRegression.Fit(weights, new float[] {0.2f, -0.1f, 0f}));
        ModelCard.describe(file, name, LABELS, spec, Map.of("dataset", "random"), Map.of("family", "statistics"),
                Map.of("protocol", "none")).write(ModelCard.cardPathFor(file));
        return ModelEnsembler.Member.read(file);
    }

    private static Tiles randomTiles(FeatureSpec spec, int count, Random random) {
        int size = spec.channels() * spec.height() * spec.framesPerWindow();
        float[] data = new float[count * size];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (random.nextGaussian() * 0.8 - 0.3);
        }
        return new Tiles(data, count, spec.channels(), spec.height(), spec.framesPerWindow(), new double[count],
                false);
    }
}
