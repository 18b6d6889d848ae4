package org.genrelens.audio;

/**
 * Quotes one word for a POSIX shell ({@code /bin/bash -c}). Single quotes make every character literal; a
 * single quote is written as {@code '\''}. A percent sign is also moved outside the quotes as {@code "%"} because
 * TarsosDSP's PipeDecoder replaces {@code %sample_rate%}-style placeholders textually after the path has been
 * inserted; splitting every {@code %} off keeps a file named {@code a%sample_rate%.m4a} intact.
 */
final class ShellQuote {

    private ShellQuote() {
    }

    static String quote(String word) {
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a NUL character cannot be passed to a process");
        }
        StringBuilder out = new StringBuilder(word.length() + 8).append('\'');
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\'') {
                out.append("'\\''");
            } else if (c == '%') {
                out.append("'\"%\"'");
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}
