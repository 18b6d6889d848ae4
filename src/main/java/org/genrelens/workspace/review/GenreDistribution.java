package org.genrelens.workspace.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genrelens.tags.GenreMap;
import org.genrelens.tags.GenreNames;

/**
 * A prediction as genres of the user's map, most probable first: labels the map merges into one genre ("hiphop" and
 * "rap") count as one, with their probabilities added; a label the map does not know is its own genre.
 */
final class GenreDistribution {

    /** One genre of the prediction: how it is compared, how it is shown, and its probability. */
    record Share(String identity, String display, double probability) {
    }

    private final List<Share> shares;
    private final GenreMap genreMap;

    private GenreDistribution(List<Share> shares, GenreMap genreMap) {
        this.shares = shares;
        this.genreMap = genreMap;
    }

    static GenreDistribution of(List<String> labels, float[] probabilities, GenreMap genreMap) {
        Map<String, Share> merged = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            double p = probabilities[i];
            merged.merge(identity(genreMap, label), new Share(identity(genreMap, label), genreMap.display(label), p),
                    (one, other) -> new Share(one.identity(), one.display(), one.probability() + other.probability()));
        }
        List<Share> sorted = new ArrayList<>(merged.values());
        sorted.sort(Comparator.comparingDouble(Share::probability).reversed().thenComparing(Share::display));
        return new GenreDistribution(List.copyOf(sorted), genreMap);
    }

    /** What makes two spellings one genre: the map's canonical name, else the spelling's key. */
    static String identity(GenreMap genreMap, String spelling) {
        return genreMap.find(spelling).map(genre -> "genre:" + genre.name())
                .orElseGet(() -> "key:" + GenreNames.key(genreMap.display(spelling)));
    }

    Share top() {
        return shares.get(0);
    }

    /** The second most probable genre, or a share of nothing for a one-genre model. */
    Share second() {
        return shares.size() > 1 ? shares.get(1) : new Share("", "", 0);
    }

    double margin() {
        return top().probability() - second().probability();
    }

    /** Whether the model can predict this spelling's genre at all. */
    boolean knows(String spelling) {
        String identity = identity(genreMap, spelling);
        return shares.stream().anyMatch(share -> share.identity().equals(identity));
    }

    /** The probability the model puts on any of these genres (by identity). */
    double probabilityOf(Set<String> identities) {
        return shares.stream().filter(share -> identities.contains(share.identity()))
                .mapToDouble(Share::probability).sum();
    }
}
