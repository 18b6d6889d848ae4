package org.genrelens.ui.train;

/** Per-genre precision, recall and F1 of an evaluation, track level. */
public record GenreMetric(String genre, double precision, double recall, double f1, int clips) {
}
