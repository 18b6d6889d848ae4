package org.genrelens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrelens.inference.ModelCard;
import org.genrelens.testing.TestAudio;
import org.genrelens.testing.ToneNoiseDataset;
import org.genrelens.training.card.CardMetrics;
import org.genrelens.training.card.EnsembleDescription;
import org.genrelens.training.card.ModelProvenance;
import org.genrelens.training.card.RecipeMetrics;
import org.genrelens.training.card.TrainingProvenance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    static Path data;

    /** A folder-per-genre tree of two easy "genres". */
    @BeforeAll
    static void generate() throws IOException {
        ToneNoiseDataset.write(data, 6, 2);
    }

    private static final String[] SMALL = {"--epochs", "4", "--channels", "4,8", "--bands", "32", "--hop-length",
        "1024", "--dense", "0", "--no-augment", "--lr", "0.003"};

    @Test
    void theSpectraTrainingKeptAreShownAndDeletedOnRequest(@TempDir Path out) throws IOException {
        Path cache = out.resolve("cache");
        CliRun train = CliRun.of(concat(new String[] {"train", data.toString(), "--out", out.resolve("m.onnx").toString(),
            "--cache", cache.toString()}, SMALL));
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.err().matches("(?s).*\\(\\d+\\.\\d MB in 12 files\\) for the next run; genrelens spectra "
                + "--cache " + java.util.regex.Pattern.quote(cache.toString()) + " --clear deletes them.*"), train.err());

        CliRun shown = CliRun.of("spectra", "--cache", cache.toString());
        assertEquals(0, shown.exitCode(), shown.err());
        assertTrue(shown.out().contains("spectra are kept in " + cache + " ("), shown.out());
        assertTrue(shown.out().contains(" MB in 12 files); --clear deletes them"), shown.out());

        CliRun cleared = CliRun.of("spectra", "--cache", cache.toString(), "--clear");
        assertEquals(0, cleared.exitCode(), cleared.err());
        assertTrue(cleared.out().contains("deleted the spectra kept in " + cache + " ("), cleared.out());
        assertTrue(cleared.out().contains(" MB in 12 files)"), cleared.out());
        try (var left = Files.list(cache)) {
            assertEquals(0, left.count(), "every spectrum file is gone");
        }
        assertTrue(CliRun.of("spectra", "--cache", cache.toString()).out().contains("no spectra are kept in " + cache));
        CliRun file = CliRun.of("spectra", "--cache", out.resolve("m.onnx").toString(), "--clear");
        assertEquals(2, file.exitCode(), "a file is refused, not taken for an empty cache");
        assertTrue(file.err().contains("is a file, not a folder"), file.err());
        assertTrue(Files.exists(out.resolve("m.onnx")));
    }

    @Test
    void trainsCrossValidatesAndExportsAModelTheClassifierUses(@TempDir Path out) throws IOException {
        Path model = out.resolve("cnn.onnx");
        String[] args = concat(new String[] {"train", data.toString(), "--folds", "2", "--out", model.toString(),
            "--report", out.resolve("report").toString(), "--window-hop", "4", "--fold-models",
            out.resolve("folds").toString()}, SMALL);

        CliRun run = CliRun.of(args);

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("2-fold-by-clip (track level, 12 clips)"), run.out());
        assertTrue(run.err().contains("spectra are kept in " + java.nio.file.Path.of(System.getProperty(
                "genrelens.data.dir"), "cache", "spectra")), "the data folder's cache, shared with the app: " + run.err());
        assertTrue(run.out().matches("(?s).*wrote .*cnn\\.onnx \\(best epoch \\d+\\).*"), run.out());
        assertTrue(Files.size(out.resolve("report").resolve("cross-validation.json")) > 100);
        assertEquals(12, Files.readAllLines(out.resolve("report").resolve("member-predictions.tsv")).size(),
                "one line per held-out clip and member");
        assertTrue(javax.imageio.ImageIO.read(out.resolve("report").resolve("confusion-track.png").toFile()) != null);
        ModelCard card = ModelCard.read(ModelCard.cardPathFor(model));
        assertEquals(java.util.List.of("noise", "tones"), card.labels());
        RecipeMetrics metrics = assertInstanceOf(RecipeMetrics.class, CardMetrics.of(card));
        assertEquals(12, metrics.headline().orElseThrow().clips(), card.metrics().toString());
        assertEquals(2, metrics.crossValidation().orElseThrow().folds().balancedAccuracies().size());
        TrainingProvenance provenance = assertInstanceOf(TrainingProvenance.class, ModelProvenance.of(card));
        assertEquals(java.util.Optional.of(false), provenance.cancelled());
        assertTrue(provenance.finalTrainingClips().isPresent(), "one network records its final split");
        assertEquals(32, card.featureSpec().bands());
        assertEquals(4.0, card.featureSpec().windowHopSeconds(), "the inference grid the model was measured on");
        assertTrue(card.modelSpec().containsKey("training"));

        Path fresh = TestAudio.writeWav(TestAudio.chord(new double[] {300, 375}, 6, 22_050, 0.5), 22_050,
                out.resolve("fresh.wav"));
        CliRun classify = CliRun.of("classify", "--json", "--model", model.toString(), fresh.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        JsonNode prediction = new ObjectMapper().readTree(classify.out().lines().findFirst().orElseThrow());
        assertEquals("tones", prediction.get("genre").asText());

        // each fold's network with the clips it never saw: together every clip once
        java.util.Set<String> heldOut = new java.util.HashSet<>();
        for (int fold = 1; fold <= 2; fold++) {
            Path foldModel = out.resolve("folds").resolve("fold-" + fold + ".onnx");
            java.util.List<String> lines = Files.readAllLines(out.resolve("folds").resolve("fold-" + fold
                    + ".held-out.tsv"));
            assertEquals(6, lines.size(), lines.toString());
            heldOut.addAll(lines);
            assertEquals(java.util.List.of("noise", "tones"), ModelCard.read(ModelCard.cardPathFor(foldModel)).labels());
            String[] first = lines.get(0).split("\t");
            CliRun foldClassify = CliRun.of("classify", "--json", "--model", foldModel.toString(), first[1]);
            assertEquals(0, foldClassify.exitCode(), foldClassify.err());
        }
        assertEquals(12, heldOut.size(), "no clip is held out by both folds");
    }

    @Test
    void fineTunesFromAnExportedModelWithANewLabelSet(@TempDir Path out) throws IOException {
        Path base = out.resolve("base.onnx");
        assertEquals(0, CliRun.of(concat(new String[] {"train", data.toString(), "--out", base.toString()}, SMALL))
                .exitCode());
        Path tuned = out.resolve("tuned.onnx");

        CliRun run = CliRun.of("train", data.toString(), "--not-music", "1", "--from", base.toString(), "--epochs",
                "2", "--folds", "2", "--out", tuned.toString());

        assertEquals(0, run.exitCode(), run.err());
        ModelCard card = ModelCard.read(ModelCard.cardPathFor(tuned));
        // the base learned the 12 tone and noise clips: only the 6 new not-music clips are music it never heard
        var metrics = (org.genrelens.training.card.RecipeMetrics) org.genrelens.training.card.CardMetrics.of(card);
        assertEquals(12, metrics.withoutHeardClips().orElseThrow().heldOutClips(), run.out());
        var headline = org.genrelens.training.card.CardMetrics.headlineOf(card).orElseThrow();
        assertEquals(6, headline.clips(), headline.describe());
        assertEquals("2-fold-by-clip-without-12-clips-the-start-heard", headline.split());
        assertTrue(run.out().contains("12 held-out clips were in base.onnx's own training"), run.out());
        assertEquals(18, ((java.util.List<?>) card.provenance().get("heardClips")).size(),
                "what the base heard and what the fine-tuning added");
        assertEquals(java.util.List.of("noise", "not-music", "tones"), card.labels());
        ModelCard baseCard = ModelCard.read(ModelCard.cardPathFor(base));
        assertEquals(baseCard.featureSpec(), card.featureSpec(), "the spectrogram comes from the card");
        assertEquals(baseCard.modelSpec().get("blockChannels"), card.modelSpec().get("blockChannels"));
        assertEquals(2, ((Number) ((java.util.Map<?, ?>) card.modelSpec().get("training")).get("maxEpochs")).intValue(),
                "a training option given on the command line still applies");

        // fine-tuned again on the very clips it learned: no clip is new, so no score is quoted and the tab asks
        Path again = out.resolve("again.onnx");
        CliRun same = CliRun.of("train", data.toString(), "--from", base.toString(), "--epochs", "1", "--folds", "2",
                "--out", again.toString());
        assertEquals(0, same.exitCode(), same.err());
        ModelCard againCard = ModelCard.read(ModelCard.cardPathFor(again));
        assertTrue(org.genrelens.training.card.CardMetrics.headlineOf(againCard).isEmpty());
        assertTrue(same.out().contains("no score is quoted for this model: the model it was fine-tuned from had "
                + "learned from all 12 clips it was cross-validated on"), same.out());

        CliRun retyped = CliRun.of("train", data.toString(), "--from", base.toString(), "--channels", "8,16",
                "--out", out.resolve("x.onnx").toString());
        assertEquals(2, retyped.exitCode());
        assertTrue(retyped.err().contains("--from takes the spectrogram and network from base.onnx's card"),
                retyped.err());
    }

    @Test
    void seedAndCepstralEnsembleIsCrossValidatedPerFoldAndExportedAsOneGraph(@TempDir Path out) throws IOException {
        Path model = out.resolve("seeds.onnx");

        CliRun run = CliRun.of(concat(new String[] {"train", data.toString(), "--folds", "2", "--seeds", "2",
            "--cepstral-member", "8", "--cepstral-weight", "0.5", "--out", model.toString()}, SMALL));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("fold 2 of 2, seed 2 of 2"), run.err());
        assertTrue(run.err().contains("final model, seed 2 of 2"), run.err());
        assertTrue(run.out().contains("(an ensemble of 3 members in one graph)"), run.out());
        assertTrue(run.err().contains("fold 2 of 2, cepstral statistics member"), run.err());
        ModelCard card = ModelCard.read(ModelCard.cardPathFor(model));
        EnsembleDescription ensemble = EnsembleDescription.inModelSpec(card.modelSpec()).orElseThrow();
        assertEquals(java.util.List.of(0.25, 0.25, 0.5), ensemble.weights());
        assertEquals(8, assertInstanceOf(EnsembleDescription.StatisticsMember.class, ensemble.members().get(2))
                .cepstralCoefficients());
        String protocol = assertInstanceOf(RecipeMetrics.class, CardMetrics.of(card)).crossValidation()
                .orElseThrow().protocol();
        assertTrue(protocol.contains("2 networks"), protocol);
        assertTrue(protocol.contains("8 cepstral coefficients"));
        assertTrue(protocol.contains("weighing 0.5 of the average"));
        TrainingProvenance provenance = assertInstanceOf(TrainingProvenance.class, ModelProvenance.of(card));
        assertEquals(java.util.Optional.of(2), provenance.seedsPerModel());
        Path fresh = TestAudio.writeWav(TestAudio.chord(new double[] {300, 375}, 6, 22_050, 0.5), 22_050,
                out.resolve("fresh.wav"));
        CliRun classify = CliRun.of("classify", "--json", "--model", model.toString(), fresh.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        // four epochs are too few for every seed to learn; the averaging itself is checked in ModelEnsemblerTest
        JsonNode probabilities = new ObjectMapper().readTree(classify.out().lines().findFirst().orElseThrow())
                .get("probabilities");
        assertEquals(1.0, probabilities.get("tones").asDouble() + probabilities.get("noise").asDouble(), 1e-5);
        assertEquals(2, CliRun.of("train", data.toString(), "--seeds", "0").exitCode());

        // networks averaged with a regression are not one network to fine-tune: refused, saying what to do
        CliRun fineTune = CliRun.of("train", data.toString(), "--from", model.toString(), "--out",
                out.resolve("tuned.onnx").toString());
        assertEquals(2, fineTune.exitCode(), fineTune.err());
        assertTrue(fineTune.err().contains("cannot be fine-tuned: it averages 3 separately fitted models of "
                + "different kinds"), fineTune.err());
    }

    @Test
    void anEnsembleOfSeedsFineTunesEachNetworkFromItsOwnWeights(@TempDir Path out) throws IOException {
        Path seeds = out.resolve("seeds.onnx");
        assertEquals(0, CliRun.of(concat(new String[] {"train", data.toString(), "--seeds", "2", "--out",
            seeds.toString()}, SMALL)).exitCode());
        Path tuned = out.resolve("tuned.onnx");

        CliRun run = CliRun.of("train", data.toString(), "--from", seeds.toString(), "--epochs", "1", "--out",
                tuned.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("final model, seed 2 of 2"), "as many networks as the model had: " + run.err());
        ModelCard card = ModelCard.read(ModelCard.cardPathFor(tuned));
        java.util.Map<?, ?> ensemble = (java.util.Map<?, ?>) card.modelSpec().get("ensemble");
        assertEquals(2, ((List<?>) ensemble.get("members")).size(), card.modelSpec().toString());
        assertEquals(ModelCard.read(ModelCard.cardPathFor(seeds)).modelSpec().get("blockChannels"),
                card.modelSpec().get("blockChannels"), "the network comes from the card");
    }

    @Test
    void exportAveragesSeedModelsIntoOneModelTheClassifierUses(@TempDir Path out) throws IOException {
        Path first = out.resolve("seed1.onnx");
        Path second = out.resolve("seed2.onnx");
        assertEquals(0, CliRun.of(concat(new String[] {"train", data.toString(), "--seed", "1", "--out",
            first.toString()}, SMALL)).exitCode());
        assertEquals(0, CliRun.of(concat(new String[] {"train", data.toString(), "--seed", "2", "--out",
            second.toString()}, SMALL)).exitCode());
        Path ensemble = out.resolve("ensemble.onnx");

        CliRun run = CliRun.of("export", first.toString(), second.toString(), "--out", ensemble.toString(),
                "--name", "seeds");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("mean of 2 models"), run.out());
        ModelCard card = ModelCard.read(ModelCard.cardPathFor(ensemble));
        assertEquals("seeds", card.name());
        assertEquals(ModelCard.sha256Of(ensemble), card.sha256());
        Path fresh = TestAudio.writeWav(TestAudio.chord(new double[] {300, 375}, 6, 22_050, 0.5), 22_050,
                out.resolve("fresh.wav"));
        CliRun classify = CliRun.of("classify", "--json", "--model", ensemble.toString(), fresh.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        assertEquals("tones", new ObjectMapper().readTree(classify.out().lines().findFirst().orElseThrow())
                .get("genre").asText());

        assertEquals(2, CliRun.of("export", "--out", ensemble.toString()).exitCode(), "no model named");
        assertEquals(2, CliRun.of("export", first.toString(), "--out", first.toString()).exitCode(),
                "overwriting a member");
        assertEquals(1, CliRun.of("export", out.resolve("missing.onnx").toString(), "--out",
                out.resolve("x.onnx").toString()).exitCode());
    }

    @Test
    void wrongOptionsAreUsageErrors(@TempDir Path out) {
        assertEquals(2, CliRun.of("train").exitCode(), "no dataset");
        assertEquals(2, CliRun.of("train", data.toString(), "--list", out.resolve("x.tsv").toString()).exitCode());
        assertEquals(2, CliRun.of("train", data.toString(), "--type", "WAVELET").exitCode());
        assertEquals(2, CliRun.of("train", data.toString(), "--window-hop", "0").exitCode());
        assertEquals(2, CliRun.of("train", data.toString(), "--genres", "tones").exitCode(), "one genre");
        CliRun foldModels = CliRun.of("train", data.toString(), "--fold-models", out.toString());
        assertEquals(2, foldModels.exitCode());
        assertTrue(foldModels.err().contains("--fold-models needs --folds K"), foldModels.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
