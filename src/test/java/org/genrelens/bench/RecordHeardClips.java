package org.genrelens.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.inference.ModelCard;
import org.genrelens.training.card.HeardClips;
import org.genrelens.training.data.FolderDataset;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.NonMusicCorpus;
import org.genrelens.workspace.AppPaths;

/**
 * Writes the clips a model learned from into a card written before `train` recorded them (the bundled model's, decision
 * record 28), from the same dataset and not-music corpus `train DATASET --not-music N` read. Refuses when the count
 * differs from the card's, so a card never claims clips it did not learn from. Changes nothing else in the card.
 *
 * {@code java -cp target/test-classes:target/classes:$CP org.genrelens.bench.RecordHeardClips
 * ../shared/data/gtzan-subset 6 models/genre-cnn.card.json}, {@code $CP} from {@code ./mvnw -q
 * dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class RecordHeardClips {

    private RecordHeardClips() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: RecordHeardClips DATASET NOT_MUSIC_PER_KIND CARD.json");
        }
        Path cardFile = Path.of(args[2]);
        ModelCard card = ModelCard.read(cardFile);
        List<LabeledClip> clips = new ArrayList<>(FolderDataset.scan(Path.of(args[0]),
                new AudioDecoder().readableExtensions()));
        int notMusic = Integer.parseInt(args[1]);
        if (notMusic > 0) {
            clips.addAll(NonMusicCorpus.forTraining(AppPaths.defaults(Optional.empty()).notMusicCorpus(), notMusic));
        }
        Object recorded = card.provenance().get("clips");
        if (!(recorded instanceof Number count) || count.intValue() != clips.size()) {
            throw new IllegalStateException(cardFile + " says it learned from " + recorded + " clips; " + args[0]
                    + " with " + notMusic + " not-music clips per kind has " + clips.size());
        }
        Map<String, Object> provenance = new LinkedHashMap<>(card.provenance());
        provenance.put(HeardClips.KEY, List.copyOf(HeardClips.of(clips).identities()));
        new ModelCard(card.formatVersion(), card.name(), card.labels(), card.featureSpec(), card.inputShape(),
                card.sha256(), card.createdAt(), provenance, card.modelSpec(), card.metrics()).write(cardFile);
        System.out.println("recorded " + clips.size() + " heard clips in " + cardFile);
    }
}
