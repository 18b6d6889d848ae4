package org.genrelens.training.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.genrelens.training.data.LabeledClip;
import org.junit.jupiter.api.Test;

class HeardClipsTest {

    private static LabeledClip clip(String genre, String file) {
        return new LabeledClip(Path.of("/music", genre, file), genre);
    }

    @Test
    void aClipIsKnownByGenreAndNameWhateverItsFolderFormatOrCase() {
        HeardClips heard = HeardClips.of(List.of(clip("blues", "blues.00002.wav")));

        // GTZAN ships .au; the shared clips are .wav conversions of the same recordings
        assertTrue(heard.heard(new LabeledClip(Path.of("/elsewhere/genres/blues/blues.00002.au"), "blues")));
        assertTrue(heard.heard(clip("Blues", "BLUES.00002.WAV")));
        assertFalse(heard.heard(clip("blues", "blues.00003.wav")));
        assertFalse(heard.heard(clip("jazz", "blues.00002.wav")), "another genre's clip of that name");
    }

    @Test
    void theCardKeepsHashesNotFileNamesAndAFineTuningAddsItsOwnClips() {
        HeardClips base = HeardClips.of(List.of(clip("rock", "My Band - Song.mp3")));

        assertEquals(1, base.identities().size());
        assertTrue(base.identities().iterator().next().matches("[0-9a-f]{16}"), base.identities().iterator().next());
        HeardClips tuned = base.and(List.of(clip("rock", "Other.flac"), clip("rock", "My Band - Song.ogg")));
        assertEquals(2, tuned.identities().size(), "the same song in another format is not a new clip");
        assertTrue(HeardClips.none().isEmpty());
        assertFalse(HeardClips.none().heard(clip("rock", "Other.flac")));
    }
}
