package org.genrelens.training.cnn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the parameters of a network built by {@link CnnBuilder} the way the ONNX graph names its
 * initialisers, by walking the block's children in the order CnnBuilder added them. DJL's own parameter
 * paths ("01SequentialBlock_02BatchNorm_runningMean") are never written anywhere, so they may change.
 *
 * <p>Names: {@code block<i>.conv1.weight}, {@code block<i>.bn1.{gamma,beta,mean,var}}, for residual blocks
 * also {@code conv2}/{@code bn2} and {@code block<i>.shortcut.{conv,bn}} when the channels change; then
 * {@code dense.{weight,bias}}; with a statistics branch {@code statistics.dct.weight} [coefficients, bands],
 * {@code statistics.standardiser.{mean,scale}}, {@code statistics.dense.{weight,bias}} and the branch's own output
 * layer {@code statistics.head.{weight,bias}}, whose logits are added to the classifier's.
 */
final class CnnLayout {

    static final String CLASSIFIER = "classifier";
    static final String DENSE = "dense";
    static final String STATISTICS = "statistics";
    static final String STATISTICS_DCT = STATISTICS + ".dct";
    static final String STATISTICS_STANDARDISER = STATISTICS + ".standardiser";
    static final String STATISTICS_DENSE = STATISTICS + ".dense";
    static final String STATISTICS_HEAD = STATISTICS + ".head";

    /** A parameter with its ONNX name and the shape the spec gives it. */
    record NamedParameter(String name, Parameter parameter, long[] expectedShape) {

        /** An output layer: replaced when a model is fine-tuned on other genres. */
        boolean isClassifier() {
            return isOutputLayer(name);
        }
    }

    /** Whether the weights of this name belong to an output layer (the classifier or the statistics head). */
    static boolean isOutputLayer(String name) {
        return name.startsWith(CLASSIFIER + ".") || name.startsWith(STATISTICS_HEAD + ".");
    }

    private final ModelSpec spec;
    private final List<NamedParameter> parameters = new ArrayList<>();

    private CnnLayout(ModelSpec spec) {
        this.spec = spec;
    }

    /**
     * The named parameters of {@code block}, which must be a network CnnBuilder built for {@code spec}.
     *
     * @throws IllegalArgumentException if the block has another structure
     */
    static List<NamedParameter> parameters(ModelSpec spec, Block block) {
        CnnLayout layout = new CnnLayout(spec);
        layout.walk(block);
        return List.copyOf(layout.parameters);
    }

    static String blockPrefix(int index) {
        return "block" + index;
    }

    private void walk(Block net) {
        int blocks = spec.blockChannels().size();
        int dense = spec.denseWidth() > 0 ? 3 : 0;
        int trunkLayers = blocks + 2 + dense;
        if (!spec.statistics().present()) {
            List<Block> top = children(net, SequentialBlock.class, "the network", trunkLayers + 1);
            walkTrunk(top);
            linear(top.get(top.size() - 1), CLASSIFIER, spec.classes(), spec.classifierInputWidth());
            return;
        }
        List<Block> branches = children(net, ParallelBlock.class, "trunk and statistics", 2);
        List<Block> trunk = children(branches.get(0), SequentialBlock.class, "the trunk", trunkLayers + 1);
        walkTrunk(trunk);
        linear(trunk.get(trunkLayers), CLASSIFIER, spec.classes(), spec.classifierInputWidth());
        int statisticsLayers = StatisticsBranch.layerCount(spec.statistics());
        List<Block> statistics = children(branches.get(1), SequentialBlock.class, STATISTICS, statisticsLayers + 1);
        walkStatistics(statistics);
        linear(statistics.get(statisticsLayers), STATISTICS_HEAD, spec.classes(),
                spec.statistics().outputWidth(spec.inputChannels()));
    }

    private void walkStatistics(List<Block> branch) {
        StatisticsPath path = spec.statistics();
        Block cepstrum = branch.get(StatisticsBranch.CEPSTRUM);
        require(cepstrum instanceof Linear && cepstrum.getParameters().size() == 1, STATISTICS_DCT,
                "a Linear without bias", cepstrum);
        Parameter dct = cepstrum.getParameters().get("weight");
        // the band count comes from the tiles the block was initialised for; the spec does not fix it
        long bands = dct.isInitialized() ? dct.getArray().getShape().get(1) : -1;
        add(STATISTICS_DCT + ".weight", cepstrum, "weight", path.coefficients(), bands);
        Block standardiser = branch.get(StatisticsBranch.STANDARDISER);
        require(standardiser instanceof Standardiser, STATISTICS_STANDARDISER, "a Standardiser", standardiser);
        int count = path.statisticsCount(spec.inputChannels());
        add(STATISTICS_STANDARDISER + ".mean", standardiser, "mean", count);
        add(STATISTICS_STANDARDISER + ".scale", standardiser, "scale", count);
        if (path.width() > 0) {
            linear(branch.get(StatisticsBranch.DENSE), STATISTICS_DENSE, path.width(), count);
        }
    }

    private void walkTrunk(List<Block> top) {
        int blocks = spec.blockChannels().size();
        int dense = spec.denseWidth() > 0 ? 3 : 0;
        int in = spec.inputChannels();
        int k = spec.kernelSize();
        for (int i = 0; i < blocks; i++) {
            int out = spec.blockChannels().get(i);
            String prefix = blockPrefix(i);
            if (spec.residual()) {
                List<Block> block = children(top.get(i), SequentialBlock.class, prefix, 3);
                List<Block> branches = children(block.get(0), ParallelBlock.class, prefix + " sum", 2);
                List<Block> main = children(branches.get(0), SequentialBlock.class, prefix + " main branch", 5);
                conv(main.get(0), prefix + ".conv1", out, in, k);
                batchNorm(main.get(1), prefix + ".bn1", out);
                conv(main.get(3), prefix + ".conv2", out, out, k);
                batchNorm(main.get(4), prefix + ".bn2", out);
                if (in != out) {
                    List<Block> shortcut = children(branches.get(1), SequentialBlock.class, prefix + " shortcut", 2);
                    conv(shortcut.get(0), prefix + ".shortcut.conv", out, in, 1);
                    batchNorm(shortcut.get(1), prefix + ".shortcut.bn", out);
                } else {
                    requireNoParameters(branches.get(1), prefix + " identity shortcut");
                }
            } else {
                List<Block> block = children(top.get(i), SequentialBlock.class, prefix, 4);
                conv(block.get(0), prefix + ".conv1", out, in, k);
                batchNorm(block.get(1), prefix + ".bn1", out);
            }
            in = out;
        }
        if (dense > 0) {
            linear(top.get(blocks + 2), DENSE, spec.denseWidth(), spec.featureWidth());
        }
    }

    private void conv(Block block, String name, int out, int in, int kernel) {
        require(block instanceof Conv2d, name, "a Conv2d", block);
        require(block.getParameters().size() == 1, name, "a Conv2d without bias", block);
        add(name + ".weight", block, "weight", out, in, kernel, kernel);
    }

    private void batchNorm(Block block, String name, int channels) {
        require(block instanceof BatchNorm, name, "a BatchNorm", block);
        add(name + ".gamma", block, "gamma", channels);
        add(name + ".beta", block, "beta", channels);
        add(name + ".mean", block, "runningMean", channels);
        add(name + ".var", block, "runningVar", channels);
    }

    private void linear(Block block, String name, int out, int in) {
        require(block instanceof Linear, name, "a Linear", block);
        add(name + ".weight", block, "weight", out, in);
        add(name + ".bias", block, "bias", out);
    }

    private void add(String name, Block block, String djlName, long... shape) {
        Parameter parameter = block.getParameters().get(djlName);
        if (parameter == null) {
            throw new IllegalArgumentException(name + ": the " + block.getClass().getSimpleName()
                    + " has no parameter '" + djlName + "'; build the network with CnnBuilder.build(spec)");
        }
        parameters.add(new NamedParameter(name, parameter, shape));
    }

    private List<Block> children(Block block, Class<? extends Block> type, String what, int count) {
        require(type.isInstance(block), what, "a " + type.getSimpleName(), block);
        List<Block> children = block.getChildren().values();
        if (children.size() != count) {
            throw new IllegalArgumentException(what + " has " + children.size() + " layers, the model spec "
                    + spec + " gives it " + count + "; build the network with CnnBuilder.build(spec)");
        }
        return children;
    }

    private static void requireNoParameters(Block block, String what) {
        if (!block.getParameters().isEmpty()) {
            throw new IllegalArgumentException(what + " has parameters; build the network with CnnBuilder.build(spec)");
        }
    }

    private void require(boolean condition, String name, String expected, Block found) {
        if (!condition) {
            throw new IllegalArgumentException(name + " should be " + expected + " for model spec " + spec
                    + " but is " + found.getClass().getSimpleName() + "; build the network with CnnBuilder.build(spec)");
        }
    }
}
