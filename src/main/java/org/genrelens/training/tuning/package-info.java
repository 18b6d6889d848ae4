/** The hyperparameter search: search space, Hyperband, the clips it tunes on. */
package org.genrelens.training.tuning;
