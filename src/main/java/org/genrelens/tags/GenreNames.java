package org.genrelens.tags;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaudiotagger.tag.reference.GenreTypes;

/**
 * How two genre spellings are recognised as one: case, spaces, hyphens and punctuation do not count, and "&amp;",
 * "and" and a lone "n" are the same word ("R&amp;B", "R and B", "R n B"; "Hip Hop", "hip-hop", "HipHop"). ID3v1
 * genre numbers ("(17)", "17") stand for their names in JAudioTagger's ID3v1 table.
 */
public final class GenreNames {

    private static final Pattern ID3V1_REFERENCE = Pattern.compile("\\((\\d{1,3})\\)(.*)");
    private static final Pattern ID3V1_NUMBER = Pattern.compile("\\d{1,3}");
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");

    private GenreNames() {
    }

    /** The comparison key of a spelling: lower case, "&amp;"/"n" as "and", everything but letters and digits gone. */
    public static String key(String spelling) {
        String lower = spelling.strip().toLowerCase(Locale.ROOT).replace("&", " and ")
                .replace("'n'", " and ").replace("\u2019n\u2019", " and ");
        StringBuilder key = new StringBuilder();
        for (String word : WORD_BREAK.split(lower)) {
            key.append(word.equals("n") ? "and" : word);
        }
        return key.toString();
    }

    /**
     * The name behind an ID3v1 genre number: "(17)" and "17" give "Rock"; "(17)Rock Classics" (ID3v2.3's
     * refinement) gives the text after the number. Empty when the spelling is no such number.
     */
    public static Optional<String> id3v1Name(String spelling) {
        String text = spelling.strip();
        Matcher reference = ID3V1_REFERENCE.matcher(text);
        String number;
        if (reference.matches()) {
            if (!reference.group(2).isBlank()) {
                return Optional.of(reference.group(2).strip());
            }
            number = reference.group(1);
        } else if (ID3V1_NUMBER.matcher(text).matches()) {
            number = text;
        } else {
            return Optional.empty();
        }
        return Optional.ofNullable(GenreTypes.getInstanceOf().getValueForId(Integer.parseInt(number)));
    }
}
