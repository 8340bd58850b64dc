package cn.hlj.remoteeval.draw.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of an exported draw record, with the JDK only (the standalone verifier carries no JSON
 * library). Values are read as {@link Map} (members in document order), {@link List}, {@link String},
 * {@link Long}, {@link Boolean} and {@code null}.
 *
 * <p>Reading is strict: UTF-8 without byte-order mark, RFC 8259 syntax, numbers only as integers that
 * fit a signed 64-bit value ({@code -?(0|[1-9][0-9]*)}, no fraction or exponent), no member name twice
 * in an object, no unpaired surrogate, nothing after the value but whitespace.
 *
 * <p><b>Canonical form</b> ({@link #canonical}), the bytes that are signed: no whitespace; object
 * members sorted by name in ascending UTF-16 code unit order; strings in double quotes with {@code "}
 * and {@code \} escaped as {@code \"} and {@code \\}, U+0008, U+0009, U+000A, U+000C, U+000D as
 * {@code \b \t \n \f \r}, every other character below U+0020 as {@code \}{@code u00xx} (lower-case hex)
 * and every other character as itself; integers in decimal without leading zeros or plus sign;
 * {@code true}, {@code false}, {@code null}; encoded in UTF-8. For these values it is the JSON
 * Canonicalization Scheme (RFC 8785).
 */
final class ExportJson {

    private static final int MAX_DEPTH = 32;

    private ExportJson() {
    }

    /** The value of a UTF-8 JSON document; {@link IllegalArgumentException} when it is not one this class reads. */
    static Object parse(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
        return parse(text);
    }

    static Object parse(String text) {
        Reader reader = new Reader(text);
        reader.whitespace();
        Object value = reader.value(0);
        reader.whitespace();
        if (reader.position != text.length()) {
            throw reader.error("text after the document");
        }
        return value;
    }

    /** The canonical form (see the class comment). */
    static String canonical(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, -1, 0);
        return out.toString();
    }

    /** The same value for people: members in their order, two spaces per level, a line feed at the end. */
    static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 2, 0);
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, int indent, int level) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            Map<?, ?> members = indent < 0 ? new TreeMap<>(map) : map;
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> member : members.entrySet()) {
                if (!(member.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("member names are strings");
                }
                out.append(first ? "" : ",");
                newline(out, indent, level + 1);
                string(name, out);
                out.append(indent < 0 ? ":" : ": ");
                write(member.getValue(), out, indent, level + 1);
                first = false;
            }
            if (!first) {
                newline(out, indent, level);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                newline(out, indent, level + 1);
                write(list.get(i), out, indent, level + 1);
            }
            if (!list.isEmpty()) {
                newline(out, indent, level);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
        }
    }

    private static void newline(StringBuilder out, int indent, int level) {
        if (indent >= 0) {
            out.append('\n').append(" ".repeat(indent * level));
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final class Reader {

        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested too deeply");
            }
            if (position >= text.length()) {
                throw error("a value is missing");
            }
            char c = text.charAt(position);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("unexpected character");
                }
            };
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> members = new LinkedHashMap<>();
            position++;
            whitespace();
            if (peek() == '}') {
                position++;
                return members;
            }
            while (true) {
                whitespace();
                if (peek() != '"') {
                    throw error("a member name is a string");
                }
                String name = string();
                whitespace();
                expect(':');
                whitespace();
                Object value = value(depth + 1);
                if (members.containsKey(name)) {
                    throw error("member " + name + " twice");
                }
                members.put(name, value);
                whitespace();
                char next = peek();
                position++;
                if (next == '}') {
                    return members;
                }
                if (next != ',') {
                    throw error("',' or '}' expected");
                }
            }
        }

        private List<Object> array(int depth) {
            List<Object> items = new ArrayList<>();
            position++;
            whitespace();
            if (peek() == ']') {
                position++;
                return items;
            }
            while (true) {
                whitespace();
                items.add(value(depth + 1));
                whitespace();
                char next = peek();
                position++;
                if (next == ']') {
                    return items;
                }
                if (next != ',') {
                    throw error("',' or ']' expected");
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            position++;
            while (true) {
                if (position >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(position++);
                if (c == '"') {
                    break;
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (position >= text.length()) {
                    throw error("unterminated escape");
                }
                char escaped = text.charAt(position++);
                switch (escaped) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> out.append(unicodeEscape());
                    default -> throw error("unknown escape");
                }
            }
            String value = out.toString();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw error("unpaired surrogate");
                }
            }
            return value;
        }

        private char unicodeEscape() {
            if (position + 4 > text.length()) {
                throw error("short \\u escape");
            }
            int code = 0;
            for (int i = 0; i < 4; i++) {
                int digit = Character.digit(text.charAt(position++), 16);
                if (digit < 0) {
                    throw error("bad \\u escape");
                }
                code = code * 16 + digit;
            }
            return (char) code;
        }

        private Long number() {
            int start = position;
            if (peek() == '-') {
                position++;
            }
            int digits = position;
            while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
                position++;
            }
            String number = text.substring(start, position);
            if (position == digits || (text.charAt(digits) == '0' && position - digits > 1) || number.equals("-0")) {
                throw error("not an integer");
            }
            if (position < text.length() && (peek() == '.' || peek() == 'e' || peek() == 'E')) {
                throw error("only integers are read");
            }
            try {
                return Long.parseLong(number);
            } catch (NumberFormatException e) {
                throw error("integer out of range");
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, position)) {
                throw error("unexpected character");
            }
            position += word.length();
            return value;
        }

        void whitespace() {
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                position++;
            }
        }

        private char peek() {
            if (position >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(position);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "' expected");
            }
            position++;
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("JSON: " + problem + " at character " + position);
        }
    }
}
