/** Labelled clips and their sources, splits and folds, the not-music corpus, the spectrum cache. */
package org.genrelens.training.data;
