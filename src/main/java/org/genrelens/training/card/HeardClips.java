package org.genrelens.training.card;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.genrelens.inference.ModelCard;
import org.genrelens.training.data.LabeledClip;

/**
 * The clips a model learned from, its own and those of the model it was fine-tuned from, as its card's provenance
 * keeps them: so that fine-tuning it later scores the result only on clips it never heard. A clip is known by its
 * genre and file name without the extension, hashed: a GTZAN clip converted from .au to .wav is the same clip, and the
 * card does not spell out the user's file names. Two different songs with the same genre and name count as heard,
 * which only leaves a clip out of the honest score, never puts one in.
 *
 * @param identities the clips' hashes, sorted
 */
public record HeardClips(Set<String> identities) {

    /** What the card's provenance calls the list. */
    public static final String KEY = "heardClips";
    private static final int HEX_DIGITS = 16;

    public HeardClips {
        identities = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(identities));
    }

    public static HeardClips none() {
        return new HeardClips(Set.of());
    }

    public static HeardClips of(Collection<LabeledClip> clips) {
        return new HeardClips(clips.stream().map(HeardClips::identityOf).collect(java.util.stream.Collectors.toSet()));
    }

    /** What a model's card says it heard; none when the card is older than this record or not a trained model's. */
    public static HeardClips of(ModelCard card) {
        Object listed = card.provenance().get(KEY);
        if (!(listed instanceof List<?> list)) {
            return none();
        }
        return new HeardClips(list.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()));
    }

    /** The clip's genre and file name without its extension, lower-cased, hashed. */
    public static String identityOf(LabeledClip clip) {
        String name = clip.file().getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String key = (clip.genre() + "/" + stem).toLowerCase(Locale.ROOT);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public boolean heard(LabeledClip clip) {
        return !identities.isEmpty() && identities.contains(identityOf(clip));
    }

    public boolean isEmpty() {
        return identities.isEmpty();
    }

    /** These and {@code clips}: what a model fine-tuned from this one on {@code clips} has heard. */
    public HeardClips and(Collection<LabeledClip> clips) {
        Set<String> all = new TreeSet<>(identities);
        clips.forEach(clip -> all.add(identityOf(clip)));
        return new HeardClips(all);
    }

    List<String> toList() {
        return List.copyOf(identities);
    }
}
