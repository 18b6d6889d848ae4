/** The network: spec, builder, layout, trainer, trained model, ONNX export and weight import. */
package org.genrelens.training.cnn;
