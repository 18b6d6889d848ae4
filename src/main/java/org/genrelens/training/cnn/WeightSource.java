package org.genrelens.training.cnn;

import ai.djl.nn.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Where a freshly initialised network's weights come from: its own random init, or an existing model. */
@FunctionalInterface
public interface WeightSource {

    /** Keep the seeded random initialisation. */
    WeightSource RANDOM = (block, spec) -> { };

    void apply(Block block, ModelSpec spec);

    /**
     * The weights network {@code member} of a seed ensemble starts from: the same for every member unless the
     * source is itself an ensemble of that many networks.
     */
    default WeightSource forMember(int member) {
        return this;
    }

    /** Whether this start leaves the output layer freshly initialised (a model's trunk under a new label set). */
    default boolean replacesHead() {
        return false;
    }

    /** This start, then {@code next} over it (the later one wins where both set a parameter). */
    default WeightSource then(WeightSource next) {
        WeightSource first = this;
        return (block, spec) -> {
            first.apply(block, spec);
            next.apply(block, spec);
        };
    }

    /**
     * Fine-tuning: start from a model this project exported; with {@code newHead} the output layer stays freshly
     * initialised (a new label set).
     */
    static WeightSource fromOnnx(Path onnx, boolean newHead) {
        return fromOnnx(onnx, newHead, 1);
    }

    /**
     * As {@link #fromOnnx(Path, boolean)} for a file holding an ensemble of {@code members} networks of one spec:
     * {@link #forMember(int) member} i starts from its network i (modulo their number), the plain source from the
     * first.
     */
    static WeightSource fromOnnx(Path onnx, boolean newHead, int members) {
        return new OnnxStart(onnx, newHead, members, 0);
    }

    /** One member of an exported model as a start. */
    record OnnxStart(Path onnx, boolean newHead, int members, int member) implements WeightSource {
        public OnnxStart {
            if (members < 1 || member < 0 || member >= members) {
                throw new IllegalArgumentException("member " + member + " of " + members);
            }
        }

        @Override
        public void apply(Block block, ModelSpec spec) {
            try {
                OnnxWeightImporter.load(onnx, member, block, spec, newHead);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start from " + onnx + ": " + e.getMessage(), e);
            }
        }

        @Override
        public boolean replacesHead() {
            return newHead;
        }

        @Override
        public WeightSource forMember(int index) {
            return new OnnxStart(onnx, newHead, members, Math.floorMod(index, members));
        }
    }
}
