/** The statistics baseline: tile and cepstral statistics, the softmax regression and its model. */
package org.genrelens.training.baseline;
