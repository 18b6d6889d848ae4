/**
 * A new head on a model's stored embeddings (issue 12 item 4): the user's genres learned without decoding, scored by
 * cross-validation that keeps each artist on one side, and written as one graph with the model's own layers.
 */
package org.genrelens.training.head;
