package org.genrelens.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellQuoteTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "with space", "it's", "'", "''", "\"x\"", "$(touch pwned)", "`id`", "a;b&c|d",
        "$HOME", "back\\slash", "new\nline", "日本語 ü", "%resource%", "%sample_rate%", "*?[a]", "-rf", ""})
    void aRealShellSeesExactlyTheOriginalWord(String word) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", "printf %s " + ShellQuote.quote(word)).start();
        String echoed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();

        assertEquals(word, echoed);
    }
}
