package org.genrelens.training.baseline;

import org.genrelens.training.data.LabeledClip;

/** The per-tile statistics of one clip, with its genre index. */
record ClipFeatures(LabeledClip clip, int label, float[][] tileRows) {
}
