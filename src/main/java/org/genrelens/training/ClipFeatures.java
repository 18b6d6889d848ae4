package org.genrelens.training;

/** The per-tile statistics of one clip, with its genre index. */
record ClipFeatures(LabeledClip clip, int label, float[][] tileRows) {
}
