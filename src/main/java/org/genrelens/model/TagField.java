package org.genrelens.model;

/** A tag field GenreLens may write. Only the genre for now; the enum keeps the journal format open. */
public enum TagField {
    GENRE
}
