/** Scoring held-out predictions: metrics, report, confusion heatmap, the model's score. */
package org.genrelens.training.evaluation;
