package org.genrelens.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genrelens.inference.ModelCard;
import org.genrelens.library.AnalysisRepository.StoredEmbedding;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.tags.GenreMap;
import org.genrelens.task.Cancellation;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.head.EmbeddedClip;
import org.genrelens.training.head.HeadModelWriter;
import org.genrelens.training.head.HeadTrainer;

/**
 * A head on the user's genres from what analysis stored: the library's training set ({@link LibraryTrainingSet}) paired
 * with each track's embedding by the base model, so nothing is decoded. Tracks the base model has not analysed are
 * named, not dropped silently. The Train tab and {@code genrelens train --library --head} both go through this.
 *
 * @param set          the library's tracks and genres, as for fine-tuning
 * @param clips        the tracks with an embedding by the base model
 * @param notAnalysed  tracks in the set without one: analyse them with the base model first
 */
public record LibraryHeadTraining(LibraryTrainingSet set, List<EmbeddedClip> clips, List<Path> notAnalysed) {

    public LibraryHeadTraining {
        clips = List.copyOf(clips);
        notAnalysed = List.copyOf(notAnalysed);
    }

    /** The library's tracks and their embeddings by the model {@code base} describes. */
    public static LibraryHeadTraining of(LibraryDatabase library, GenreMap genreMap, int minTracks, ModelCard base) {
        List<LibraryEntry> entries = LibraryEntry.loadAll(library);
        LibraryTrainingSet set = LibraryTrainingSet.of(entries, genreMap, minTracks);
        Map<Long, StoredEmbedding> embeddings = library.analyses().embeddings(base.sha256(),
                base.featureSpec().hash());
        Map<Path, Long> ids = new HashMap<>();
        entries.forEach(entry -> ids.put(entry.track().path(), entry.track().id()));
        List<EmbeddedClip> clips = new ArrayList<>();
        List<Path> notAnalysed = new ArrayList<>();
        for (LabeledClip clip : set.clips()) {
            StoredEmbedding embedding = embeddings.get(ids.get(clip.file()));
            if (embedding == null) {
                notAnalysed.add(clip.file());
            } else {
                clips.add(new EmbeddedClip(clip, embedding.values()));
            }
        }
        return new LibraryHeadTraining(set, clips, notAnalysed);
    }

    /** Only the tracks of these genres (the ones a user ticked). */
    public LibraryHeadTraining only(java.util.Collection<String> genres) {
        return new LibraryHeadTraining(set, clips.stream().filter(c -> genres.contains(c.clip().genre())).toList(),
                notAnalysed);
    }

    /** One line: what is used, what is not, and why. */
    public String summary() {
        String text = set.summary();
        return notAnalysed.isEmpty() ? text : text + "; " + notAnalysed.size()
                + " of them not analysed by the base model yet (run analyze), left out";
    }

    /** Cross-validates and fits the head, then writes it on the base model as {@code target} with its card. */
    public HeadTrainer.Outcome train(Path baseModel, ModelCard baseCard, HeadTrainer.Settings settings, Path target,
            String command, Cancellation cancellation) throws IOException {
        if (clips.isEmpty()) {
            throw new IllegalStateException("no track has both a genre and an analysis by " + baseCard.name()
                    + ": " + summary());
        }
        HeadTrainer.Outcome outcome = new HeadTrainer(settings).train(clips, cancellation);
        HeadModelWriter.write(baseModel, baseCard, outcome, settings,
                new HeadModelWriter.Provenance("the library's genre tags and corrections", clips.size(), command),
                target);
        return outcome;
    }
}
