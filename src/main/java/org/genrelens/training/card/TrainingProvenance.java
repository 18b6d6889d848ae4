package org.genrelens.training.card;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a trained model came from, as its card's "provenance" records it: which trainer, which data (clips per genre,
 * the ones that could not be read, the final split), which seed and which Java. The recipe and the statistics
 * baseline record different optional parts; absent ones are left out of the JSON.
 *
 * @param trainer            the trainer and its library versions, in words
 * @param dataset            the data set's name
 * @param clips              clips trained and scored on
 * @param clipsPerGenre      those clips counted by genre
 * @param clipListSha256     hash of the clip list (the baseline records it)
 * @param skipped            clips that could not be read, with the reason
 * @param finalTrainingClips the final network's training clips (one network; absent for an ensemble)
 * @param finalValidationClips the final network's early-stopping clips
 * @param seed               the seed of splits, sampling and initialisation
 * @param seedsPerModel      networks averaged into the model (the recipe records it)
 * @param java               the Java runtime's version
 * @param genrelens          GenreLens's version (the baseline records it)
 * @param cancelled          whether the final training was cancelled (the recipe records it)
 * @param heardClips         every clip the model learned from, including the clips of the model it was fine-tuned
 *                           from (the recipe records it)
 */
public record TrainingProvenance(String trainer, String dataset, int clips, Map<String, Integer> clipsPerGenre,
        Optional<String> clipListSha256, List<String> skipped, Optional<Integer> finalTrainingClips,
        Optional<Integer> finalValidationClips, long seed, Optional<Integer> seedsPerModel, String java,
        Optional<String> genrelens, Optional<Boolean> cancelled, Optional<HeardClips> heardClips)
        implements ModelProvenance {

    public TrainingProvenance {
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(dataset, "dataset");
        clipsPerGenre = Collections.unmodifiableMap(new LinkedHashMap<>(clipsPerGenre));
        Objects.requireNonNull(clipListSha256, "clipListSha256");
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(finalTrainingClips, "finalTrainingClips");
        Objects.requireNonNull(finalValidationClips, "finalValidationClips");
        Objects.requireNonNull(seedsPerModel, "seedsPerModel");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(genrelens, "genrelens");
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(heardClips, "heardClips");
        if (clips < 0) {
            throw new IllegalArgumentException("clips must not be negative, was " + clips);
        }
    }

    /** The running Java's version, as provenance records it. */
    public static String runningJava() {
        return Runtime.version().toString();
    }

    public TrainingProvenance withCancelled(boolean wasCancelled) {
        return new TrainingProvenance(trainer, dataset, clips, clipsPerGenre, clipListSha256, skipped,
                finalTrainingClips, finalValidationClips, seed, seedsPerModel, java, genrelens,
                Optional.of(wasCancelled), heardClips);
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("trainer", trainer);
        map.put("dataset", dataset);
        map.put("clips", clips);
        map.put("clipsPerGenre", clipsPerGenre);
        clipListSha256.ifPresent(hash -> map.put("clipListSha256", hash));
        map.put("skipped", skipped);
        finalTrainingClips.ifPresent(n -> map.put("finalTrainingClips", n));
        finalValidationClips.ifPresent(n -> map.put("finalValidationClips", n));
        map.put("seed", seed);
        seedsPerModel.ifPresent(n -> map.put("seedsPerModel", n));
        map.put("java", java);
        genrelens.ifPresent(version -> map.put("genrelens", version));
        cancelled.ifPresent(c -> map.put("cancelled", c));
        heardClips.ifPresent(heard -> map.put(HeardClips.KEY, heard.toList()));
        return map;
    }

    static TrainingProvenance read(CardFields p) {
        return new TrainingProvenance(p.text("trainer"), p.text("dataset"), p.integer("clips"),
                p.counts("clipsPerGenre"), p.optText("clipListSha256"), p.texts("skipped"),
                p.optInteger("finalTrainingClips"), p.optInteger("finalValidationClips"), p.longInteger("seed"),
                p.optInteger("seedsPerModel"), p.text("java"), p.optText("genrelens"), p.optBool("cancelled"),
                p.has(HeardClips.KEY) ? Optional.of(new HeardClips(Set.copyOf(p.texts(HeardClips.KEY))))
                        : Optional.empty());
    }
}
