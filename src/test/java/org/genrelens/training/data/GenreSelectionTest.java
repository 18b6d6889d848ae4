package org.genrelens.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenreSelectionTest {

    private final LabeledClip rock = new LabeledClip(Path.of("rock", "r.wav"), "rock");
    private final LabeledClip pop = new LabeledClip(Path.of("pop", "p.wav"), "pop");
    private final LabeledClip jazz = new LabeledClip(Path.of("jazz", "j.wav"), "jazz");

    @Test
    void keepsOnlyTheChosenGenresInTheirOrder() {
        assertEquals(List.of(rock, jazz), GenreSelection.keep(List.of(rock, pop, jazz), List.of("jazz", "rock")));
    }

    @Test
    void anUnknownGenreNamesTheGenresThatExist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GenreSelection.keep(List.of(rock, pop, jazz), List.of("rock", "polka")));

        assertTrue(e.getMessage().contains("polka") && e.getMessage().contains("[jazz, pop, rock]"), e.getMessage());
    }
}
