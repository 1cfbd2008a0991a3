package io.github.streamharness.internal.observe.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.streamharness.LogEvent;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields Logs Insights discovers in a Lambda log event (rule 16.3): the system fields, {@code @type} and
 * {@code @requestId} of the platform lines, the REPORT numbers ({@code @memorySize} and {@code @maxMemoryUsed} in
 * bytes, MB x 1,000,000), and the fields of a JSON message, flattened with dots.
 */
final class EventFields {
    /** The {@code @} fields a Lambda log group has. */
    static final Set<String> SYSTEM = Set.of("@timestamp", "@message", "@logStream", "@log", "@requestId", "@type",
            "@duration", "@billedDuration", "@memorySize", "@maxMemoryUsed", "@initDuration");

    private static final Pattern PLATFORM = Pattern.compile("^(START|END|REPORT) RequestId: ([0-9a-fA-F-]+)");
    private static final Pattern TIMEOUT = Pattern.compile("^\\S+Z ([0-9a-fA-F-]+) Task timed out after ");
    private static final Pattern REPORT_FIELD = Pattern.compile("\t([A-Za-z ]+): ([0-9.]+) (ms|MB)");

    private EventFields() {
    }

    static Map<String, Object> of(LogEvent event, String log, ObjectMapper json) {
        Map<String, Object> f = new HashMap<>();
        String message = event.message();
        f.put("@timestamp", event.timestamp());
        f.put("@message", message);
        f.put("@logStream", event.logStreamName());
        f.put("@log", log);
        Matcher platform = PLATFORM.matcher(message);
        if (platform.find()) {
            f.put("@type", platform.group(1));
            f.put("@requestId", platform.group(2));
            if (platform.group(1).equals("REPORT")) {
                report(message, f);
            }
            return f;
        }
        Matcher timeout = TIMEOUT.matcher(message);
        if (timeout.find()) {
            f.put("@requestId", timeout.group(1));
            return f;
        }
        if (message.startsWith("{")) {
            try {
                JsonNode node = json.readTree(message);
                if (node != null && node.isObject()) {
                    flatten("", node, f);
                }
            } catch (Exception notJson) {
                // a plain line that starts with a brace
            }
        }
        return f;
    }

    private static void report(String message, Map<String, Object> f) {
        Matcher m = REPORT_FIELD.matcher(message);
        while (m.find()) {
            double value = Double.parseDouble(m.group(2));
            String name = switch (m.group(1)) {
                case "Duration" -> "@duration";
                case "Billed Duration" -> "@billedDuration";
                case "Memory Size" -> "@memorySize";
                case "Max Memory Used" -> "@maxMemoryUsed";
                case "Init Duration" -> "@initDuration";
                default -> null;
            };
            if (name != null) {
                f.put(name, m.group(3).equals("MB") ? value * 1_000_000 : value);
            }
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> f) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), f);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + i, node.get(i), f);
            }
        } else if (node.isNumber()) {
            f.putIfAbsent(prefix, node.asDouble());
        } else if (!node.isNull()) {
            f.putIfAbsent(prefix, node.asText());
        }
    }
}
