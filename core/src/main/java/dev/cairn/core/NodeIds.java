package dev.cairn.core;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Node ids: {@code PREFIX-TAIL}, the prefix the layer's, the tail {@code [A-Za-z0-9_-]{1,64}}.
 * Thread-safe.
 */
public final class NodeIds {
    private static final int MAX_TAIL = 64;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private NodeIds() {
    }

    /**
     * A fresh id for a node of {@code layer}: the prefix and 12 upper-case hex digits.
     *
     * @param layer the layer whose prefix the id starts with
     * @return the new id
     */
    public static String generate(Layer layer) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return layer.prefix() + "-" + HEX.formatHex(bytes);
    }

    /**
     * The layer an id's prefix names, if the id is well formed.
     *
     * @param id any text
     * @return the layer, or empty when {@code id} is no well formed id
     */
    public static Optional<Layer> layerOf(String id) {
        if (id == null) {
            return Optional.empty();
        }
        int dash = id.indexOf('-');
        if (dash <= 0 || !isTail(id, dash + 1)) {
            return Optional.empty();
        }
        return Layer.forPrefix(id.substring(0, dash));
    }

    /** Whether {@code id} from {@code start} on is 1 to 64 of {@code [A-Za-z0-9_-]}: a loop, as every write asks. */
    private static boolean isTail(String id, int start) {
        int length = id.length() - start;
        if (length < 1 || length > MAX_TAIL) {
            return false;
        }
        for (int i = start; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code id} is well formed for a node of {@code layer}.
     *
     * @param id    any text
     * @param layer the layer of the node
     * @return whether {@code id} carries the layer's prefix and a valid name
     */
    public static boolean isValid(String id, Layer layer) {
        return layerOf(id).filter(layer::equals).isPresent();
    }

    /**
     * Checks that {@code id} is well formed for {@code layer}.
     *
     * @param id    the id to check
     * @param layer the layer of the node
     * @return {@code id}
     * @throws ValidationException naming the id and the rule it breaks
     */
    public static String require(String id, Layer layer) {
        Optional<Violation> violation = check("id", id, layer);
        if (violation.isPresent()) {
            throw new ValidationException(violation.get());
        }
        return id;
    }

    /**
     * Checks that {@code id} is any well formed node id and returns its layer.
     *
     * @param field the field the id was read from, for the error
     * @param id    the id to check
     * @return the layer its prefix names
     * @throws ValidationException naming the id and the rule it breaks
     */
    public static Layer requireAny(String field, String id) {
        return layerOf(id).orElseThrow(() -> new ValidationException(Violation.of(field, id,
                "must be PREFIX-TAIL with a layer prefix (GOAL, CON, CTX, CST, R, AC, IF, PH, STP, TSK, SUB, CMD)"
                        + " and a tail of 1 to 64 of [A-Za-z0-9_-]")));
    }

    static Optional<Violation> check(String field, String id, Layer layer) {
        if (id == null) {
            return Optional.of(Violation.of(field, null, "is required"));
        }
        Optional<Layer> found = layerOf(id);
        if (found.isEmpty()) {
            return Optional.of(Violation.of(field, id, "must be " + layer.prefix()
                    + "-TAIL with a tail of 1 to 64 of [A-Za-z0-9_-]"));
        }
        if (found.get() != layer) {
            return Optional.of(Violation.of(field, id, "must start with " + layer.prefix()
                    + "- for a " + layer.displayName() + " node"));
        }
        return Optional.empty();
    }
}
