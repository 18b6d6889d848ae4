/** What a model card records about training, as typed records: provenance, metrics, ensemble, tuning. */
package org.genrelens.training.card;
