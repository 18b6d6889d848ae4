/** ONNX graphs written by hand: the graph builder and the ensembler. */
package org.genrelens.training.onnx;
