package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenreMapTest {

    private final GenreMap defaults = GenreMap.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"Hip Hop", "hip-hop", "HipHop", "HIP HOP", " hiphop ", "Hip_Hop", "Hip-Hop"})
    void everySpellingOfHipHopIsOneGenreShownAsHipHop(String spelling) {
        assertEquals("hiphop", defaults.require(spelling).name());
        assertEquals("Hip-Hop", defaults.display(spelling));
    }

    @ParameterizedTest
    @ValueSource(strings = {"R&B", "r & b", "R and B", "R n B", "RnB", "R'n'B", "Rhythm & Blues"})
    void ampersandAndAndNAreOneWord(String spelling) {
        assertEquals("R&B", defaults.display(spelling));
    }

    @Test
    void id3v1NumbersStandForTheirNamesInJAudioTaggersTable() {
        assertEquals("Rock", defaults.display("(17)"));
        assertEquals("Rock", defaults.display("17"));
        assertEquals("Classical", defaults.display("(32)"));
        assertEquals("Hip-Hop", defaults.display("(7)"));
        assertEquals(Optional.of("Rock Classics"), GenreNames.id3v1Name("(17)Rock Classics"));
        // a number the map has no genre for still reads as the ID3v1 name, not the digits
        assertEquals("Polka", defaults.display("(75)"));
        assertEquals(Optional.empty(), GenreNames.id3v1Name("1999"));
        assertEquals("1999", defaults.display("1999"));
    }

    @Test
    void tagValuesBecomeDisplaySpellingsEachOnceSplitAtSemicolonsButNeverAtCommas() {
        assertEquals(List.of("Hip-Hop", "Rock", "Pop", "Folk, World, & Country"), defaults.displayAll(List.of(
                "Hip Hop", "hip-hop", "(17)", "Rock;Pop", "", "Folk, World, & Country")));
        assertEquals(List.of("Jazz", "Électro-Pop"), defaults.displayAll(List.of("jazz/Électro-Pop")));
    }

    @Test
    void unknownSpellingsAreKeptAndStillComparedByKey() {
        assertEquals("Bossa Nova", defaults.display(" Bossa Nova "));
        assertTrue(defaults.sameGenre("Bossa Nova", "bossa-nova"));
        assertFalse(defaults.sameGenre("Bossa Nova", "Samba"));
        assertTrue(GenreMap.empty().sameGenre("Hip Hop", "hiphop"));
    }

    @Test
    void aGenreMayHaveSeveralParentsAndGrandparents() {
        GenreMap map = defaults.withGenre("trip-hop", "Trip-Hop").withParent("trip hop", "Electronic")
                .withParent("Trip-Hop", "hip-hop").withGenre("bristol", "Bristol Sound").withParent("bristol", "trip-hop");
        assertEquals(List.of("electronic", "hiphop"), map.require("triphop").parents());
        assertEquals(List.of("Trip-Hop", "Electronic", "Hip-Hop"), map.ancestors("Bristol Sound"));
        assertThrows(IllegalArgumentException.class, () -> map.withParent("electronic", "bristol"),
                "a cycle of parents is refused");
    }

    @Test
    void anAliasMeansItsGenreAndMayNotMeanTwo() {
        GenreMap map = defaults.withAlias("hiphop", "Rap Music");
        assertEquals("Hip-Hop", map.display("rap-music"));
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> map.withAlias("rock", "rap music"));
        assertTrue(taken.getMessage().contains("hiphop"), taken.getMessage());
    }

    @Test
    void aMergeFoldsSpellingsParentsAndChildrenIntoTheTarget() {
        GenreMap map = defaults.merged("rap", "hiphop").merged("Techno", "house");
        assertTrue(map.find("techno").isPresent());
        assertEquals("house", map.require("Techno").name());
        assertEquals("hiphop", map.require("Rap").name());
        assertEquals(List.of("electronic"), map.require("house").parents());
        assertEquals(List.of("Hip-Hop"), map.displayAll(List.of("Rap", "Hip Hop")));
    }

    @Test
    void aRenameKeepsTheOldSpellingsAsAliasesAndMovesChildren() {
        GenreMap map = defaults.renamed("electronic", "Electronica & Dance");
        assertEquals("Electronica & Dance", map.display("Electronic"));
        assertEquals(List.of("Electronica & Dance"), map.require("Techno").parents());
        assertEquals(List.of("Electronica & Dance"), map.ancestors("techno"));
    }

    @Test
    void aDisplaySpellingChangesWhatIsWrittenAndTheOldOneStillMatches() {
        GenreMap map = defaults.withDisplay("hiphop", "Hip Hop");
        assertEquals("Hip Hop", map.display("hiphop"));
        assertEquals("hiphop", map.canonical("Hip-Hop"));
    }

    @Test
    void removingAGenreDropsItAsAParentAndItsSpellingsBecomeUnknown() {
        GenreMap map = defaults.without("electronic");
        assertTrue(map.find("Electronica").isEmpty());
        assertEquals(List.of(), map.require("techno").parents());
        assertEquals("Electronica", map.display("Electronica"));
    }

    @Test
    void theDefaultsCoverEveryLabelOfTheBundledModelButNotMusic() {
        for (String label : List.of("blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop",
                "reggae", "rock")) {
            assertEquals(label, defaults.require(label).name(), label);
        }
        assertTrue(defaults.find("not-music").isEmpty());
        assertEquals("Classical", defaults.display("classical"));
    }
}
