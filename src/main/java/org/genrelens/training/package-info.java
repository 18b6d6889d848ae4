/** The training recipe and its card: configuration, config file, fine-tune start, readiness; above the rooms. */
package org.genrelens.training;
