package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What counts as "something beside the genre changed", the rule that refuses a write. */
class TagSnapshotTest {

    private final TagSnapshot before = new TagSnapshot(List.of("ID3v2.3", "ID3v1"), new TreeMap<>(Map.of(
            "ID3v2.3 TCON", List.of("0a"), "ID3v2.3 TYER", List.of("01"), "ID3v2.3 COMM", List.of("02", "03"),
            "ID3v1 bytes", List.of("04"))));

    @Test
    void aChangedGenreAloneIsNoDifference() {
        TagSnapshot after = with(before, "ID3v2.3 TCON", List.of("0b", "0c"));

        assertEquals(List.of(), before.differencesBesideGenre(after));
        assertEquals(before.digestBesideGenre(), after.digestBesideGenre());
    }

    @Test
    void aLostDateAGainedCommentAndARewrittenIdv1TagAreEachNamed() {
        TagSnapshot after = with(with(with(before, "ID3v2.3 TYER", null), "ID3v2.3 COMM", List.of("02", "03", "05")),
                "ID3v1 bytes", List.of("06"));

        assertEquals(List.of("ID3v1 bytes changed", "ID3v2.3 COMM changed", "ID3v2.3 TYER removed"),
                before.differencesBesideGenre(after));
        assertNotEquals(before.digestBesideGenre(), after.digestBesideGenre());
    }

    @Test
    void aNewTagIsAllowedOnlyWhereTheWriterSaysItMadeIt() {
        TagSnapshot onlyV1 = new TagSnapshot(List.of("ID3v1"), new TreeMap<>(Map.of("ID3v1 bytes", List.of("04"))));
        TagSnapshot withV2 = new TagSnapshot(List.of("ID3v2.4", "ID3v1"), new TreeMap<>(Map.of(
                "ID3v1 bytes", List.of("04"), "ID3v2.4 TIT2", List.of("07"), "ID3v2.4 TCON", List.of("08"))));

        assertEquals(List.of(), onlyV1.differencesBesideGenre(withV2, Set.of("ID3v2.4")));
        assertEquals(List.of("ID3v2.4 tag added", "ID3v2.4 TIT2 added"), onlyV1.differencesBesideGenre(withV2));
    }

    private static TagSnapshot with(TagSnapshot snapshot, String key, List<String> values) {
        TreeMap<String, List<String>> fields = new TreeMap<>(snapshot.fields());
        if (values == null) {
            fields.remove(key);
        } else {
            fields.put(key, values);
        }
        return new TagSnapshot(snapshot.tags(), fields);
    }
}
