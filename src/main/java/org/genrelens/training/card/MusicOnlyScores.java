package org.genrelens.training.card;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.genrelens.training.evaluation.ClassificationMetrics;

/**
 * Track-level scores over the clips of real genres only, for a model that also knows a not-music class: how well
 * it tells the genres apart, and how many songs it called not music.
 *
 * @param clips               clips of real genres
 * @param accuracy            their accuracy
 * @param balancedAccuracy    their mean recall
 * @param excluded            the class left out ("not-music")
 * @param predictedAsExcluded songs predicted as the excluded class
 */
public record MusicOnlyScores(int clips, double accuracy, double balancedAccuracy, String excluded,
        int predictedAsExcluded) {

    private static final String PREDICTED_AS = "predictedAs_";

    public MusicOnlyScores {
        Objects.requireNonNull(excluded, "excluded");
    }

    /** From track-level metrics, leaving out {@code excluded}. */
    public static MusicOnlyScores of(ClassificationMetrics trackLevel, String excluded) {
        return read(CardFields.of(trackLevel.without(excluded), "musicOnly"));
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("clips", clips);
        map.put("accuracy", accuracy);
        map.put("balancedAccuracy", balancedAccuracy);
        map.put(PREDICTED_AS + excluded, predictedAsExcluded);
        return map;
    }

    static MusicOnlyScores read(CardFields scores) {
        String key = scores.keys().stream().filter(k -> k.startsWith(PREDICTED_AS)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("card field '" + scores.name(PREDICTED_AS
                        + "<class>") + "' is missing"));
        return new MusicOnlyScores(scores.integer("clips"), scores.number("accuracy"),
                scores.number("balancedAccuracy"), key.substring(PREDICTED_AS.length()), scores.integer(key));
    }
}
