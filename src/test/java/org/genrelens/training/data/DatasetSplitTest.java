package org.genrelens.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetSplitTest {

    private final LabeledClip a = new LabeledClip(Path.of("music", "rock", "a.wav"), "rock");
    private final LabeledClip b = new LabeledClip(Path.of("music", "pop", "b.wav"), "pop");

    @Test
    void aClipOnTwoSidesIsRefusedEvenWhenItsPathIsSpelledDifferently() {
        LabeledClip sameFileOtherSpelling = new LabeledClip(Path.of("music", "pop", "..", "rock", "a.wav"), "pop");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DatasetSplit("hand-made", List.of(a), List.of(b), List.of(sameFileOtherSpelling)));

        assertTrue(e.getMessage().contains("train") && e.getMessage().contains("test"), e.getMessage());
    }

    @Test
    void sidesAreFoundByName() {
        DatasetSplit split = new DatasetSplit("hand-made", List.of(a), List.of(), List.of(b));

        assertEquals(List.of(a), split.side("train"));
        assertEquals(List.of(), split.side("valid"));
        assertEquals(List.of(b), split.side("TEST"));
        assertEquals(List.of(a, b), split.all());
        assertThrows(IllegalArgumentException.class, () -> split.side("holdout"));
        assertThrows(IllegalArgumentException.class, () -> new DatasetSplit(" ", List.of(), List.of(), List.of()));
    }
}
