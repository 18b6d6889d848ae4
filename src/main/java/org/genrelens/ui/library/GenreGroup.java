package org.genrelens.ui.library;

/** One entry of the genre list: a group name and how many tracks it holds. */
public record GenreGroup(String name, int count) {

    public static final String ALL = "All tracks";

    @Override
    public String toString() {
        return name + " (" + count + ")";
    }
}
