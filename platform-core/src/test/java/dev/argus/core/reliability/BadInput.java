package dev.argus.core.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns a valid request body into a bad one, the way real clients and attackers do: wrong types and
 * extreme values in one field, missing and unknown fields, truncation, flipped bytes, invalid UTF-8,
 * deep nesting, oversized strings, injection strings and NUL characters (which PostgreSQL refuses in
 * text and JSONB).
 */
final class BadInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Values that have broken JSON APIs before; each replaces one field of a valid body. */
    static final List<JsonNode> NASTY_VALUES = List.of(
            NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(-1), NODES.numberNode(0),
            NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(1e308),
            NODES.numberNode(-1e-308), NODES.numberNode(new java.math.BigDecimal("1e999")),
            NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890")), NODES.numberNode(0.5),
            NODES.textNode(""), NODES.textNode(" "), NODES.textNode("NaN"), NODES.textNode("Infinity"),
            NODES.textNode("\u0000"), NODES.textNode("a\u0000b"), NODES.textNode("\ud800"), NODES.textNode("\udfff\ud800"),
            NODES.textNode("'; DROP TABLE llm_calls; --"), NODES.textNode("\" OR 1=1 --"), NODES.textNode("%' OR '1'='1"),
            NODES.textNode("${jndi:ldap://127.0.0.1/a}"), NODES.textNode("<script>alert(1)</script>"),
            NODES.textNode("../../../../etc/passwd"), NODES.textNode("%00%ff%fe"), NODES.textNode("\\u0000"),
            NODES.textNode("9999-12-31T23:59:59Z"), NODES.textNode("0000-01-01T00:00:00Z"),
            NODES.textNode("-292278994-08-17T07:12:55.807Z"), NODES.textNode("2026-02-30T10:00:00Z"),
            NODES.textNode("P1000000000D"), NODES.textNode("00000000-0000-0000-0000-000000000000"),
            NODES.textNode("not-a-uuid"), NODES.textNode("🦜".repeat(50)), NODES.textNode("\u202Eevil"),
            NODES.textNode("x".repeat(70_000)), NODES.objectNode(), NODES.arrayNode(),
            NODES.arrayNode().add(NODES.nullNode()), NODES.objectNode().put("$gt", ""));

    private BadInput() {
    }

    /** One bad variant of {@code valid}, chosen and shaped by {@code random}. */
    static byte[] mutate(JsonNode valid, Random random) {
        int strategy = random.nextInt(12);
        try {
            return switch (strategy) {
                case 0, 1, 2 -> bytes(replaceValue(valid.deepCopy(), random));
                case 3 -> bytes(removeField(valid.deepCopy(), random));
                case 4 -> bytes(addField(valid.deepCopy(), random));
                case 5 -> truncate(bytes(valid), random);
                case 6 -> flipBytes(bytes(valid), random);
                case 7 -> invalidUtf8(bytes(valid), random);
                case 8 -> deepNesting(random);
                case 9 -> randomBytes(random);
                case 10 -> bytes(wrapInWrongContainer(valid, random));
                default -> bytes(replaceValue(replaceValue(valid.deepCopy(), random), random));
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(JsonNode node) throws Exception {
        return JSON.writeValueAsBytes(node);
    }

    private static JsonNode replaceValue(JsonNode root, Random random) {
        List<Slot> slots = slots(root);
        if (slots.isEmpty()) {
            return NASTY_VALUES.get(random.nextInt(NASTY_VALUES.size()));
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        slot.set(NASTY_VALUES.get(random.nextInt(NASTY_VALUES.size())).deepCopy());
        return root;
    }

    private static JsonNode removeField(JsonNode root, Random random) {
        List<Slot> slots = slots(root).stream().filter(slot -> slot.parent().isObject()).toList();
        if (!slots.isEmpty()) {
            Slot slot = slots.get(random.nextInt(slots.size()));
            ((ObjectNode) slot.parent()).remove(slot.field());
        }
        return root;
    }

    private static JsonNode addField(JsonNode root, Random random) {
        List<JsonNode> objects = new ArrayList<>();
        collectObjects(root, objects);
        if (!objects.isEmpty()) {
            ObjectNode target = (ObjectNode) objects.get(random.nextInt(objects.size()));
            target.set(random.nextBoolean() ? "unexpected_" + random.nextInt(100) : "__proto__",
                    NASTY_VALUES.get(random.nextInt(NASTY_VALUES.size())).deepCopy());
        }
        return root;
    }

    private static JsonNode wrapInWrongContainer(JsonNode valid, Random random) {
        return random.nextBoolean() ? NODES.arrayNode().add(valid.deepCopy()) : NODES.textNode(valid.toString());
    }

    private static byte[] truncate(byte[] body, Random random) {
        return java.util.Arrays.copyOf(body, random.nextInt(body.length));
    }

    private static byte[] flipBytes(byte[] body, Random random) {
        byte[] copy = body.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    /** Overlong encodings, lone continuation bytes and invalid lead bytes inside the body's strings. */
    private static byte[] invalidUtf8(byte[] body, Random random) {
        byte[][] bad = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, {(byte) 0xC3}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        String text = new String(body, StandardCharsets.UTF_8);
        int quote = text.indexOf('"', random.nextInt(Math.max(1, text.length())));
        int at = quote < 0 ? body.length : text.substring(0, quote + 1).getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, at);
        out.writeBytes(bad[random.nextInt(bad.length)]);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private static byte[] deepNesting(Random random) {
        // deep enough for any recursive parser, small enough to stay under the test server's body limit
        int depth = 1 + random.nextInt(random.nextBoolean() ? 200 : 30_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(512)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A place in the tree that holds a value: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static List<Slot> slots(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collectSlots(root, slots);
        return slots;
    }

    private static void collectSlots(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                slots.add(new Slot(node, name, -1));
                collectSlots(node.get(name), slots);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i));
                collectSlots(node.get(i), slots);
            }
        }
    }

    private static void collectObjects(JsonNode node, List<JsonNode> objects) {
        if (node.isObject()) {
            objects.add(node);
        }
        node.forEach(child -> collectObjects(child, objects));
    }
}
