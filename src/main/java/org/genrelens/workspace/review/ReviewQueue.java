package org.genrelens.workspace.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.genrelens.library.Analysis;
import org.genrelens.library.ConfirmedGenreRepository;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.Track;
import org.genrelens.library.TrackStatus;
import org.genrelens.tags.GenreMap;

/**
 * The tracks a person should decide, and their decisions (decision record 0021). A present track with an OK
 * analysis is asked about when its genre tag, one the model knows, confidently disagrees with the audio
 * ({@link ReviewItem.Kind#DISAGREES}), or when it has no tag the model knows and the model hesitates
 * ({@link ReviewItem.Kind#UNSURE}). Tags and labels are compared as genres of the user's map, so "Hip Hop" agrees
 * with "hiphop". Tracks with a correction, and audio the user skipped, are left out. The queue is ordered by what a
 * decision would teach the model, most first:
 * <ul>
 *   <li>a disagreement scores {@code confidence × (1 − p(tag))}: the probability the model puts on its own genre,
 *       times the mass it takes away from the tag;</li>
 *   <li>an unsure prediction scores {@code 1 − margin}, the margin being the gap between its two most probable
 *       genres.</li>
 * </ul>
 * Decisions become the track's only correction (confirmed_genres), which tagging writes and {@code train --library}
 * and the Train tab learn; a skip is stored by audio fingerprint.
 */
public final class ReviewQueue {

    /** An untagged track is unsure when its two most probable genres are closer than this. */
    public static final double UNSURE_MARGIN = 0.25;

    private static final Comparator<ReviewItem> ORDER = Comparator.comparingDouble(ReviewItem::score).reversed()
            .thenComparing(ReviewItem::kind)
            .thenComparing(item -> item.track().path().toString());

    private final LibraryDatabase library;
    private final GenreMap genreMap;

    public ReviewQueue(LibraryDatabase library, GenreMap genreMap) {
        this.library = Objects.requireNonNull(library, "library");
        this.genreMap = Objects.requireNonNull(genreMap, "genreMap");
    }

    /**
     * The queue, most instructive first.
     *
     * @param modelSha256   whose analyses to review; null for each track's newest analysis by any model
     * @param minConfidence a disagreement counts from this confidence on; below it an untagged track is unsure
     */
    public List<ReviewItem> items(String modelSha256, double minConfidence) {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("the minimum confidence is in [0, 1], was " + minConfidence);
        }
        Map<Long, Analysis> analyses = modelSha256 == null ? library.analyses().latestPerTrack()
                : library.analyses().latestPerTrack(modelSha256);
        Set<Long> corrected = library.confirmedGenres().all().stream().map(ConfirmedGenreRepository.Confirmed::trackId)
                .collect(Collectors.toSet());
        Set<String> skipped = library.reviewSkips().fingerprints();
        List<ReviewItem> items = new ArrayList<>();
        for (Track track : library.tracks().all()) {
            Analysis analysis = analyses.get(track.id());
            if (track.status() == TrackStatus.PRESENT && analysis != null && analysis.status() == Analysis.Status.OK
                    && !corrected.contains(track.id()) && !skipped.contains(track.fingerprint())) {
                itemFor(track, analysis, minConfidence).ifPresent(items::add);
            }
        }
        items.sort(ORDER);
        return List.copyOf(items);
    }

    private Optional<ReviewItem> itemFor(Track track, Analysis analysis, double minConfidence) {
        GenreDistribution prediction = GenreDistribution.of(analysis.labels(), analysis.probabilities(), genreMap);
        GenreDistribution.Share top = prediction.top();
        List<String> tags = track.tags().genres().stream().filter(tag -> !tag.isBlank()).toList();
        List<String> known = tags.stream().filter(prediction::knows).toList();
        if (!known.isEmpty()) {
            Set<String> tagged = known.stream().map(tag -> GenreDistribution.identity(genreMap, tag))
                    .collect(Collectors.toSet());
            if (tagged.contains(top.identity()) || top.probability() < minConfidence) {
                return Optional.empty(); // the tag agrees, or the model is too unsure to argue with it
            }
            double score = top.probability() * (1 - prediction.probabilityOf(tagged));
            return Optional.of(item(ReviewItem.Kind.DISAGREES, track, genreMap.display(known.get(0)), prediction,
                    score));
        }
        boolean unsure = analysis.uncertain() || top.probability() < minConfidence
                || prediction.margin() < UNSURE_MARGIN;
        if (!unsure) {
            return Optional.empty();
        }
        return Optional.of(item(ReviewItem.Kind.UNSURE, track, tags.isEmpty() ? null : genreMap.display(tags.get(0)),
                prediction, 1 - prediction.margin()));
    }

    private static ReviewItem item(ReviewItem.Kind kind, Track track, String tag, GenreDistribution prediction,
            double score) {
        // probabilities are floats that may add up to a hair over 1
        double bounded = Math.max(0, Math.min(1, score));
        return new ReviewItem(kind, track, tag, prediction.top().display(), prediction.top().probability(),
                prediction.second().display(), prediction.second().probability(), bounded);
    }

    /**
     * Stores a decision: the confirmed genre replaces any earlier correction of the track; a skip remembers the
     * track's audio. Returns the genre confirmed (display spelling), empty for a skip.
     */
    public Optional<String> decide(ReviewItem item, ReviewDecision decision) {
        String genre = switch (decision.action()) {
            case ACCEPT -> item.predicted();
            case KEEP_TAG -> {
                if (item.tag() == null) {
                    throw new IllegalArgumentException(item.track().path() + " has no genre tag to keep; accept the "
                            + "prediction or correct it");
                }
                yield item.tag();
            }
            case CORRECT -> genreMap.display(decision.genre());
            case SKIP -> null;
        };
        if (genre == null) {
            library.reviewSkips().skip(item.trackId());
            return Optional.empty();
        }
        library.confirmedGenres().replace(item.trackId(), genre);
        return Optional.of(genre);
    }
}
