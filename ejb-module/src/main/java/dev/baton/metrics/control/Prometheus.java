package dev.baton.metrics.control;

import java.util.Map;

/**
 * Builds a text in the Prometheus exposition format 0.0.4: per metric family a {@code # HELP} and a
 * {@code # TYPE} line, then one sample line per series, label values escaped ({@code \\}, {@code \"},
 * {@code \n}).
 */
public final class Prometheus {

    /** The content type of the text. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder();

    /** Starts a gauge family {@code name} with its help text. */
    public Prometheus gauge(String name, String help) {
        text.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        text.append("# TYPE ").append(name).append(" gauge\n");
        return this;
    }

    /** A sample of {@code name} with {@code labels} (in their iteration order; may be empty). */
    public Prometheus sample(String name, Map<String, String> labels, long value) {
        text.append(name);
        if (!labels.isEmpty()) {
            text.append('{');
            boolean first = true;
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (!first) {
                    text.append(',');
                }
                first = false;
                text.append(label.getKey())
                        .append("=\"")
                        .append(escapeLabel(label.getValue()))
                        .append('"');
            }
            text.append('}');
        }
        text.append(' ').append(value).append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** A label value escaped: backslash, double quote and line feed. */
    public static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** A help text escaped: backslash and line feed. */
    static String escapeHelp(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
