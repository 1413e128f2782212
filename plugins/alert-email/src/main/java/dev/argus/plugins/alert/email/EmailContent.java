package dev.argus.plugins.alert.email;

import dev.argus.api.alert.AlertEvent;
import dev.argus.plugins.alert.support.AlertWording;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The subject and the two bodies (plain text and HTML) of an alert email. Everything taken from the
 * event is HTML-escaped in the HTML body, and only http(s) links become anchors.
 *
 * @param subject the subject line, without the configured prefix
 * @param text    the plain-text body
 * @param html    the HTML body
 */
record EmailContent(String subject, String text, String html) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    static EmailContent of(AlertEvent event) {
        String headline = AlertWording.headline(event);
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        facts.put("State", AlertWording.state(event));
        facts.put("Severity", AlertWording.severity(event));
        facts.put("Value", AlertWording.number(event.value()));
        facts.put("Threshold", AlertWording.number(event.threshold()));
        facts.put("Project", event.projectId());
        facts.put("Rule id", event.ruleId());
        if (event.at() != null) {
            facts.put("At", WHEN.format(event.at()));
        }
        new TreeMap<>(event.labels()).forEach((k, v) -> facts.put(k, v));
        String message = event.message() == null || event.message().isBlank()
                ? AlertWording.comparison(event) : event.message();
        String link = event.link() != null && event.link().matches("(?i)https?://\\S+") ? event.link() : null;

        StringBuilder text = new StringBuilder(headline).append("\n\n").append(message).append("\n\n");
        facts.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        if (link != null) {
            text.append("\nOpen in Argus: ").append(link).append('\n');
        }

        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html><body style=\"font-family:sans-serif;color:#1d1d1f\">")
                .append("<div style=\"border-left:6px solid ").append(color(event)).append(";padding:8px 16px\">")
                .append("<h2 style=\"margin:0 0 8px\">").append(escape(headline)).append("</h2>")
                .append("<p>").append(escape(message)).append("</p>")
                .append("<table cellpadding=\"4\" style=\"border-collapse:collapse\">");
        facts.forEach((k, v) -> html.append("<tr><th align=\"left\">").append(escape(k)).append("</th><td>")
                .append(escape(v)).append("</td></tr>"));
        html.append("</table>");
        if (link != null) {
            html.append("<p><a href=\"").append(escape(link)).append("\">Open in Argus</a></p>");
        }
        html.append("</div></body></html>");
        return new EmailContent(headline + " — " + AlertWording.comparison(event), text.toString(), html.toString());
    }

    private static String color(AlertEvent event) {
        if (event.state() == AlertEvent.State.RESOLVED) {
            return "#2EB67D";
        }
        return switch (event.severity()) {
            case CRITICAL -> "#E01E5A";
            case WARNING -> "#ECB22E";
            case INFO -> "#36C5F0";
        };
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
