package org.genrelens.app;

/** Entry point; replaced by the picocli command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
    }
}
