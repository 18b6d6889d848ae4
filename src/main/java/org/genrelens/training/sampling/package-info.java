/** From cached spectra to batches: augmentation, tile sampling, mixup, epoch plans. */
package org.genrelens.training.sampling;
