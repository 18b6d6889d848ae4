package org.genrelens.training.card;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON object of a model card, read strictly: each getter checks the value's type and a missing or mistyped
 * value is refused with its full key ("metrics.crossValidation.trackLevel.confusion"), so a damaged card says where.
 */
final class CardFields {

    private final Map<?, ?> values;
    private final String path;

    private CardFields(Map<?, ?> values, String path) {
        this.values = values;
        this.path = path;
    }

    /** The card section {@code name} ("provenance", "metrics", ...). */
    static CardFields of(Map<?, ?> values, String name) {
        if (values == null) {
            throw new IllegalArgumentException("card field '" + name + "' is missing");
        }
        return new CardFields(values, name);
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    String text(String key) {
        return as(key, String.class, "text");
    }

    Optional<String> optText(String key) {
        return has(key) ? Optional.of(text(key)) : Optional.empty();
    }

    int integer(String key) {
        Number number = wholeNumber(key);
        if (number.longValue() != number.intValue()) {
            throw wrong(key, "a whole number in int range");
        }
        return number.intValue();
    }

    Optional<Integer> optInteger(String key) {
        return has(key) ? Optional.of(integer(key)) : Optional.empty();
    }

    long longInteger(String key) {
        return wholeNumber(key).longValue();
    }

    double number(String key) {
        return as(key, Number.class, "a number").doubleValue();
    }

    boolean bool(String key) {
        return as(key, Boolean.class, "true or false");
    }

    Optional<Boolean> optBool(String key) {
        return has(key) ? Optional.of(bool(key)) : Optional.empty();
    }

    CardFields section(String key) {
        return new CardFields((Map<?, ?>) as(key, Map.class, "a JSON object"), name(key));
    }

    Optional<CardFields> optSection(String key) {
        return has(key) ? Optional.of(section(key)) : Optional.empty();
    }

    /** A JSON object kept as plain values: parts of a card this project copies without reading them. */
    Map<String, Object> verbatim(String key) {
        Map<String, Object> copy = new LinkedHashMap<>();
        as(key, Map.class, "a JSON object").forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    /** A list of JSON objects kept as plain values, like {@link #verbatim}. */
    List<Map<String, Object>> verbatims(String key) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CardFields element : sections(key)) {
            Map<String, Object> copy = new LinkedHashMap<>();
            element.values.forEach((k, v) -> copy.put(String.valueOf(k), v));
            out.add(copy);
        }
        return out;
    }

    List<String> texts(String key) {
        return elements(key, String.class, "text");
    }

    List<Double> numbers(String key) {
        return elements(key, Number.class, "a number").stream().map(Number::doubleValue).toList();
    }

    List<CardFields> sections(String key) {
        List<?> maps = elements(key, Map.class, "a JSON object");
        List<CardFields> sections = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            sections.add(new CardFields((Map<?, ?>) maps.get(i), name(key) + "[" + i + "]"));
        }
        return sections;
    }

    /** A JSON object whose every value is a whole number, e.g. clips per genre; keeps the order. */
    Map<String, Integer> counts(String key) {
        CardFields counts = section(key);
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Object name : counts.values.keySet()) {
            out.put(String.valueOf(name), counts.integer(String.valueOf(name)));
        }
        return out;
    }

    /** A square-or-not matrix of whole numbers, e.g. a confusion matrix. */
    int[][] matrix(String key) {
        List<?> rows = elements(key, List.class, "a list of whole numbers");
        int[][] matrix = new int[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            List<?> row = (List<?>) rows.get(r);
            matrix[r] = new int[row.size()];
            for (int c = 0; c < row.size(); c++) {
                if (!(row.get(c) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                    throw refused(name(key) + "[" + r + "][" + c + "]", "a whole number", row.get(c));
                }
                matrix[r][c] = n.intValue();
            }
        }
        return matrix;
    }

    /** The keys of this object, in order. */
    List<String> keys() {
        return values.keySet().stream().map(String::valueOf).toList();
    }

    /** Where this object sits in the card ("metrics.crossValidation"). */
    String path() {
        return path;
    }

    String name(String key) {
        return path + "." + key;
    }

    IllegalArgumentException wrong(String key, String expected) {
        return refused(name(key), expected, values.get(key));
    }

    private static IllegalArgumentException refused(String field, String expected, Object value) {
        return new IllegalArgumentException("card field '" + field + "' must be " + expected + ", was "
                + describe(value));
    }

    private Number wholeNumber(String key) {
        Number number = as(key, Number.class, "a whole number");
        if (number.doubleValue() != Math.rint(number.doubleValue())) {
            throw wrong(key, "a whole number");
        }
        return number;
    }

    private <T> T as(String key, Class<T> type, String expected) {
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("card field '" + name(key) + "' is missing");
        }
        if (!type.isInstance(value)) {
            throw wrong(key, expected);
        }
        return type.cast(value);
    }

    private <T> List<T> elements(String key, Class<T> type, String expected) {
        List<?> list = as(key, List.class, "a list");
        List<T> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!type.isInstance(list.get(i))) {
                throw refused(name(key) + "[" + i + "]", expected, list.get(i));
            }
            out.add(type.cast(list.get(i)));
        }
        return out;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "missing";
        }
        String text = value instanceof String s ? "'" + s + "'" : String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
