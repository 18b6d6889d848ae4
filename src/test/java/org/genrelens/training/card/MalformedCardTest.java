package org.genrelens.training.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.genrelens.inference.ModelCard;
import org.junit.jupiter.api.Test;

/** A card part of the wrong type or missing is refused, naming the key, instead of being read as something else. */
class MalformedCardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The bundled card's section, as plain JSON values, after {@code damage}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> damaged(Map<String, Object> section, Consumer<Map<String, Object>> damage)
            throws Exception {
        Map<String, Object> copy = JSON.readValue(JSON.writeValueAsBytes(section), Map.class);
        damage.accept(copy);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }

    private static void assertRefusedNaming(String key, Runnable read) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, read::run);
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }

    @Test
    void provenanceWithTextForACountIsRefusedNamingTheKey() throws Exception {
        ModelCard card = ModelCard.read(CardJson.BUNDLED_CNN);
        Map<String, Object> bad = damaged(card.provenance(), p -> p.put("clips", "197"));

        assertRefusedNaming("provenance.clips", () -> ModelProvenance.fromMap(bad));
    }

    @Test
    void provenanceWithAFractionalGenreCountOrNoSeedIsRefusedNamingTheKey() throws Exception {
        ModelCard card = ModelCard.read(CardJson.BUNDLED_CNN);
        Map<String, Object> fraction = damaged(card.provenance(), p -> child(p, "clipsPerGenre").put("jazz", 7.5));
        Map<String, Object> noSeed = damaged(card.provenance(), p -> p.remove("seed"));

        assertRefusedNaming("provenance.clipsPerGenre.jazz", () -> ModelProvenance.fromMap(fraction));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelProvenance.fromMap(noSeed));
        assertEquals("card field 'provenance.seed' is missing", e.getMessage());
    }

    @Test
    void aConfusionMatrixCellThatIsNotANumberIsRefusedNamingTheCell() throws Exception {
        ModelCard card = ModelCard.read(CardJson.BUNDLED_CNN);
        Map<String, Object> bad = damaged(card.metrics(), m -> {
            @SuppressWarnings("unchecked")
            List<List<Object>> confusion = (List<List<Object>>) child(child(m, "crossValidation"), "trackLevel")
                    .get("confusion");
            confusion.get(0).set(1, "two");
        });

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CardMetrics.fromMap(bad, card.labels()));
        assertEquals("card field 'metrics.crossValidation.trackLevel.confusion[0][1]' must be a whole number, was "
                + "'two'", e.getMessage());
    }

    @Test
    void foldScoresThatAreNotAListOfNumbersAreRefusedNamingTheKey() throws Exception {
        ModelCard card = ModelCard.read(CardJson.BUNDLED_CNN);
        Map<String, Object> bad = damaged(card.metrics(), m -> m.put("foldBalancedAccuracy", List.of(0.8, "high")));

        assertRefusedNaming("metrics.foldBalancedAccuracy[1]", () -> CardMetrics.fromMap(bad, card.labels()));
    }

    @Test
    void aDamagedCardShowsNoHeadlineInsteadOfFailingTheStatusBar() throws Exception {
        ModelCard card = ModelCard.read(CardJson.BUNDLED_CNN);
        Map<String, Object> bad = damaged(card.metrics(), m -> m.put("crossValidation", "0.82"));
        ModelCard damaged = new ModelCard(card.formatVersion(), card.name(), card.labels(), card.featureSpec(),
                card.inputShape(), card.sha256(), card.createdAt(), card.provenance(), card.modelSpec(), bad);

        assertRefusedNaming("metrics.crossValidation", () -> CardMetrics.of(damaged));
        assertEquals(Optional.empty(), CardMetrics.headlineOf(damaged));
    }

    @Test
    void anEnsembleMemberOfAnUnknownFamilyOrTextWeightIsRefusedNamingTheKey() throws Exception {
        ModelCard card = ModelCard.read(CardJson.CNN_AND_REGRESSION);
        Map<String, Object> family = damaged(card.modelSpec(), s -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> members = (List<Map<String, Object>>) child(s, "ensemble").get("members");
            members.get(1).put("family", "forest");
        });
        Map<String, Object> weight = damaged(card.modelSpec(), s -> child(s, "ensemble").put("weights",
                List.of(0.25, "0.75")));

        assertRefusedNaming("modelSpec.ensemble.members[1].family", () -> EnsembleDescription.inModelSpec(family));
        assertRefusedNaming("modelSpec.ensemble.weights[1]", () -> EnsembleDescription.inModelSpec(weight));
    }

    @Test
    void aTuningRecordWithAMissingSeedIsRefusedNamingTheKey() throws Exception {
        ModelCard card = ModelCard.read(CardJson.BUNDLED_CNN);
        Map<String, Object> tuning = new TuningRecord("standard", 20, 9, 3, 17, 0.81, 0.62, "80/20", List.of("a/b.wav"),
                7).toMap();
        tuning.remove("seed");
        Map<String, Object> bad = damaged(card.metrics(), m -> m.put("tuning", tuning));

        assertRefusedNaming("metrics.tuning.seed", () -> CardMetrics.fromMap(bad, card.labels()));
    }

    @Test
    void aBestEpochWithoutEpochsRunIsRefusedNamingTheMissingKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FinalTraining.inModelSpec(Map.of("bestEpoch", 19)));

        assertEquals("card field 'modelSpec.epochsRun' is missing", e.getMessage());
    }
}
