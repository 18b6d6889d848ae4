/** Training commands: train (and a head on stored embeddings), tune, evaluate, baseline, export, and the options they share. */
package org.genrelens.app.training;
