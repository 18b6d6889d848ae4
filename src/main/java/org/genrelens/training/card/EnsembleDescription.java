package org.genrelens.training.card;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the recipe's averaged model was put together, as its card's "modelSpec.ensemble" records it: how the members
 * are combined, their weights and what each member is (a network of one seed, or the cepstral statistics member).
 *
 * @param combination how the members' outputs are combined, in words
 * @param weights     each member's weight, in member order
 * @param members     the members, networks first
 */
public record EnsembleDescription(String combination, List<Double> weights, List<Member> members) {

    /** The key under which a card's model spec holds the description. */
    public static final String KEY = "ensemble";
    static final String WEIGHTED_MEAN = "weighted mean of the members' probabilities, one graph";

    /** One model inside the averaged graph. */
    public sealed interface Member permits NetworkMember, StatisticsMember {
        Map<String, Object> toMap();
    }

    /** A network trained with its own seed and its own early-stopping clips. */
    public record NetworkMember(long seed, int bestEpoch, int epochsRun, int trainingClips, int validationClips)
            implements Member {
        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("seed", seed);
            map.put("bestEpoch", bestEpoch);
            map.put("epochsRun", epochsRun);
            map.put("trainingClips", trainingClips);
            map.put("validationClips", validationClips);
            return map;
        }
    }

    /** The logistic regression on cepstral coefficients' statistics. */
    public record StatisticsMember(int cepstralCoefficients, double l2, int trainingClips) implements Member {
        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("family", StatisticsModelSpec.FAMILY);
            map.put("cepstralCoefficients", cepstralCoefficients);
            map.put("l2", l2);
            map.put("trainingClips", trainingClips);
            return map;
        }
    }

    public EnsembleDescription {
        Objects.requireNonNull(combination, "combination");
        weights = List.copyOf(weights);
        members = List.copyOf(members);
        if (weights.size() != members.size()) {
            throw new IllegalArgumentException(members.size() + " members but " + weights.size() + " weights");
        }
    }

    /** The recipe's ensemble: the members' probabilities averaged with {@code weights} in one graph. */
    public static EnsembleDescription weightedMean(double[] weights, List<Member> members) {
        return new EnsembleDescription(WEIGHTED_MEAN, java.util.Arrays.stream(weights).boxed().toList(), members);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("combination", combination);
        map.put("weights", weights);
        map.put("members", members.stream().map(Member::toMap).toList());
        return map;
    }

    /**
     * The description in a card's model spec; empty when the model is not the recipe's ensemble.
     *
     * @throws IllegalArgumentException naming the card field that is missing or of the wrong type
     */
    public static Optional<EnsembleDescription> inModelSpec(Map<String, Object> modelSpec) {
        CardFields spec = CardFields.of(modelSpec, "modelSpec");
        return spec.optSection(KEY).map(EnsembleDescription::read);
    }

    static EnsembleDescription read(CardFields e) {
        return new EnsembleDescription(e.text("combination"), e.numbers("weights"),
                e.sections("members").stream().map(EnsembleDescription::member).toList());
    }

    private static Member member(CardFields m) {
        if (m.has("family")) {
            String family = m.text("family");
            if (!family.equals(StatisticsModelSpec.FAMILY)) {
                throw m.wrong("family", "'" + StatisticsModelSpec.FAMILY + "' or absent (a network)");
            }
            return new StatisticsMember(m.integer("cepstralCoefficients"), m.number("l2"), m.integer("trainingClips"));
        }
        return new NetworkMember(m.longInteger("seed"), m.integer("bestEpoch"), m.integer("epochsRun"),
                m.integer("trainingClips"), m.integer("validationClips"));
    }
}
