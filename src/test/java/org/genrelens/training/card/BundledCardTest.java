package org.genrelens.training.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.genrelens.inference.ModelCard;
import org.genrelens.training.evaluation.ModelScore;
import org.junit.jupiter.api.Test;

/**
 * The cards shipped in models/, and the one bundled before issue 10, read through the typed records as they always
 * have, and write back unchanged.
 */
class BundledCardTest {

    @Test
    void theBundledNetworksHeadlineLeavesOutTheClipsItWasTunedOn() throws Exception {
        ModelCard card = ModelCard.read(CardJson.BUNDLED_CNN);

        RecipeMetrics metrics = assertInstanceOf(RecipeMetrics.class, CardMetrics.of(card));

        assertEquals(Optional.of(new ModelScore(0.8813, "5-fold-by-clip-without-43-tuning-clips", 154)),
                metrics.headline(), "the status bar and README quote the score no tuning clip is in");
        RecipeMetrics.CrossValidation cv = metrics.crossValidation().orElseThrow();
        assertEquals(new FoldScores(List.of(0.7172, 0.899, 0.8128, 0.9055, 0.9091), 0.8487, 0.0748), cv.folds());
        assertEquals(Optional.of(new MusicOnlyScores(161, 0.8758, 0.8296, "not-music", 0)), cv.scores().musicOnly());
        TuningRecord tuning = metrics.tuning().orElseThrow(() -> new AssertionError("the card records its tuning"));
        assertEquals(79, tuning.trials());
        assertEquals(43, tuning.validationClips().size());
        assertEquals(List.of("featureSpec.hopLength"), tuning.changedAfterTuning(),
                "trained as tuned but at hop 1024, for speed and memory (decision record 16), and the card says so");
    }

    @Test
    void theBundledModelIsOneNetworkWithItsStatisticsBranch() throws Exception {
        ModelCard card = ModelCard.read(CardJson.BUNDLED_CNN);

        assertEquals(Optional.empty(), EnsembleDescription.inModelSpec(card.modelSpec()), "no averaged members");
        assertEquals(Optional.of(new FinalTraining(1, 9)), FinalTraining.inModelSpec(card.modelSpec()));
        assertEquals(40, ((Number) card.modelSpec().get("statisticsCoefficients")).intValue());
        assertEquals(List.of(8, 16, 32, 64), card.modelSpec().get("blockChannels"));
        TrainingProvenance provenance = assertInstanceOf(TrainingProvenance.class, ModelProvenance.of(card));
        assertEquals(Optional.of(170), provenance.finalTrainingClips());
    }

    @Test
    void theBundledCardKnowsItLearnedFromEverySharedClip() throws Exception {
        ModelCard card = ModelCard.read(CardJson.BUNDLED_CNN);
        List<org.genrelens.training.data.LabeledClip> shared = org.genrelens.training.data.FolderDataset.scan(
                org.genrelens.testing.SharedData.gtzanGenres(), java.util.Set.of("wav", "au"));

        HeardClips heard = HeardClips.of(card);

        assertEquals(161, shared.size());
        assertTrue(shared.stream().allMatch(heard::heard), "fine-tuning it on these clips must not score on them");
        assertEquals(197, heard.identities().size(), "the 161 clips and the 36 generated not-music clips");
    }

    @Test
    void theFormerBundledModelsHeadlineReadsAsRecorded() throws Exception {
        ModelCard card = ModelCard.read(CardJson.CNN_AND_REGRESSION);

        RecipeMetrics metrics = assertInstanceOf(RecipeMetrics.class, CardMetrics.of(card));

        assertEquals(Optional.of(new ModelScore(0.8247, "5-fold-by-clip", 197)), metrics.headline());
        RecipeMetrics.CrossValidation cv = metrics.crossValidation().orElseThrow();
        assertTrue(cv.protocol().startsWith("5-fold cross-validation by clip"), cv.protocol());
        assertEquals(new FoldScores(List.of(0.8355, 0.8586, 0.7674, 0.8781, 0.8506), 0.838, 0.0379), cv.folds());
        assertEquals(Optional.of(new MusicOnlyScores(161, 0.8758, 0.8183, "not-music", 1)), cv.scores().musicOnly());
        assertEquals(1102, cv.scores().report().windowLevel().total());
        assertEquals(Optional.empty(), metrics.withoutTuningClips());
    }

    @Test
    void theFormerBundledModelsProvenanceAndEnsembleReadAsRecorded() throws Exception {
        ModelCard card = ModelCard.read(CardJson.CNN_AND_REGRESSION);

        TrainingProvenance provenance = assertInstanceOf(TrainingProvenance.class, ModelProvenance.of(card));
        EnsembleDescription ensemble = EnsembleDescription.inModelSpec(card.modelSpec()).orElseThrow();

        assertEquals("gtzan-subset", provenance.dataset());
        assertEquals(197, provenance.clips());
        assertEquals(89, provenance.clipsPerGenre().get("classical"));
        assertEquals(42, provenance.seed());
        assertEquals(Optional.of(1), provenance.seedsPerModel());
        assertEquals(Optional.of(false), provenance.cancelled());
        assertEquals(Optional.empty(), provenance.finalTrainingClips(), "an ensemble's members have their own splits");
        assertEquals(List.of(0.25, 0.75), ensemble.weights());
        assertEquals(Optional.empty(), FinalTraining.inModelSpec(card.modelSpec()), "each member has its own epochs");
        assertEquals(List.of(new EnsembleDescription.NetworkMember(42, 19, 27, 170, 27),
                new EnsembleDescription.StatisticsMember(40, 0.03, 197)), ensemble.members());
    }

    @Test
    void theBundledCardsWriteBackExactlyAsTheyAreOnDisk() throws Exception {
        for (var file : List.of(CardJson.BUNDLED_CNN, CardJson.BUNDLED_BASELINE, CardJson.CNN_AND_REGRESSION)) {
            ModelCard card = ModelCard.read(file);

            assertEquals(CardJson.tree(card.metrics()), CardJson.tree(CardMetrics.of(card).toMap()), file.toString());
            assertEquals(CardJson.tree(card.provenance()), CardJson.tree(ModelProvenance.of(card).toMap()),
                    file.toString());
        }
        ModelCard cnn = ModelCard.read(CardJson.CNN_AND_REGRESSION);
        assertEquals(CardJson.tree(cnn.modelSpec().get(EnsembleDescription.KEY)),
                CardJson.tree(EnsembleDescription.inModelSpec(cnn.modelSpec()).orElseThrow().toMap()));
    }

    @Test
    void theBundledBaselineReadsAsBaselineMetricsWithItsClipListHash() throws Exception {
        ModelCard card = ModelCard.read(CardJson.BUNDLED_BASELINE);

        BaselineMetrics metrics = assertInstanceOf(BaselineMetrics.class, CardMetrics.of(card));
        TrainingProvenance provenance = assertInstanceOf(TrainingProvenance.class, ModelProvenance.of(card));

        assertEquals(197, metrics.crossValidation().total());
        assertEquals(Optional.empty(), metrics.headline(), "as before: the status bar quotes no baseline figure");
        assertEquals(Optional.of("37ab1f3f6cd0d931f274058ec438b8e951efdfa51adca92773ff5248454c4d0b"),
                provenance.clipListSha256());
        assertEquals(Optional.empty(), EnsembleDescription.inModelSpec(card.modelSpec()));
        StatisticsModelSpec spec = StatisticsModelSpec.of(card.modelSpec()).orElseThrow();
        assertEquals(CardJson.tree(card.modelSpec()), CardJson.tree(spec.toMap()));
        assertEquals(Optional.empty(), StatisticsModelSpec.of(ModelCard.read(CardJson.BUNDLED_CNN).modelSpec()));
    }
}
