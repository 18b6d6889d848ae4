package org.genrelens.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairsListDatasetTest {

    @TempDir
    Path dir;

    @Test
    void readsTabAndCommaLinesSkippingHeaderCommentsAndBlankLines() throws IOException {
        Path elsewhere = dir.resolve("elsewhere").resolve("Song, Part 2.flac").toAbsolutePath();
        Path list = Files.writeString(dir.resolve("mine.csv"), String.join("\n",
                "path,genre",
                "# my tagged library",
                "",
                "albums/one.mp3\tbossa nova",
                "  albums/two.wav , blues  ",
                elsewhere + ",jazz",
                ""));

        List<LabeledClip> clips = PairsListDataset.read(list);

        assertEquals(List.of(
                new LabeledClip(dir.toAbsolutePath().resolve("albums/one.mp3"), "bossa nova"),
                new LabeledClip(dir.toAbsolutePath().resolve("albums/two.wav"), "blues"),
                new LabeledClip(elsewhere, "jazz")), clips);
    }

    @Test
    void relativePathsResolveAgainstTheListsFolderNotTheWorkingDirectory() throws IOException {
        Path list = Files.writeString(Files.createDirectories(dir.resolve("lists")).resolve("l.tsv"),
                "../music/a.wav\trock\n");

        LabeledClip clip = PairsListDataset.read(list).get(0);

        assertEquals(dir.toAbsolutePath().resolve("music").resolve("a.wav"), clip.file());
    }

    @Test
    void aLineWithoutGenreIsAnErrorNamingTheFileAndLine() throws IOException {
        Path list = Files.writeString(dir.resolve("bad.tsv"), "# header comment\na.wav\trock\nb.wav\n");

        PairsListDataset.InvalidPairsListException e = assertThrows(
                PairsListDataset.InvalidPairsListException.class, () -> PairsListDataset.read(list));

        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("bad.tsv line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("b.wav"), e.getMessage());
    }

    @Test
    void emptyGenresEmptyPathsAndRepeatedFilesAreErrorsWithLineNumbers() throws IOException {
        assertEquals(2, lineOfError("a.wav,rock\nb.wav,\n"));
        assertEquals(1, lineOfError("\t rock\n"));
        assertEquals(1, lineOfError("a.wav\tfolk\tpop\n"));
        PairsListDataset.InvalidPairsListException repeated = error("a.wav,rock\n\nsub/../a.wav,pop\n");
        assertEquals(3, repeated.line());
        assertTrue(repeated.getMessage().contains("line 1"), repeated.getMessage());
    }

    @Test
    void aListWithoutPairsIsAnError() throws IOException {
        PairsListDataset.InvalidPairsListException e = error("path,genre\n# nothing yet\n");

        assertTrue(e.getMessage().contains("no (file, genre) pairs"), e.getMessage());
    }

    private int lineOfError(String content) throws IOException {
        return error(content).line();
    }

    private PairsListDataset.InvalidPairsListException error(String content) throws IOException {
        Path list = Files.writeString(dir.resolve("list.txt"), content);
        return assertThrows(PairsListDataset.InvalidPairsListException.class, () -> PairsListDataset.read(list));
    }
}
