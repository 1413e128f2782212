package dev.argus.plugins.alert.slack;

import dev.argus.api.alert.AlertEvent;
import dev.argus.plugins.alert.support.AlertWording;
import dev.argus.plugins.alert.support.JsonArrayBuilder;
import dev.argus.plugins.alert.support.JsonObjectBuilder;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The incoming-webhook message for one event: {@code text} (what notifications and screen readers
 * show), a headline section in {@code blocks}, and a legacy attachment whose {@code color} bar marks
 * the severity and whose blocks carry value, threshold, labels and the console link. Slack's
 * {@code mrkdwn} treats {@code & < >} as control characters, so user text is escaped.
 */
final class SlackMessage {

    /** Slack rejects section text over 3000 characters and field text over 2000. */
    private static final int SECTION_LIMIT = 3000;
    private static final int FIELD_LIMIT = 2000;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private SlackMessage() {
    }

    static String json(AlertEvent event, String mention) {
        String headline = emoji(event) + " *" + escape(AlertWording.headline(event)) + "*";
        if (mention != null && event.state() == AlertEvent.State.FIRING
                && event.severity() == AlertEvent.Severity.CRITICAL) {
            headline = mention + " " + headline;
        }
        String summary = event.message() == null || event.message().isBlank()
                ? escape(AlertWording.comparison(event)) : escape(event.message());

        JsonArrayBuilder details = new JsonArrayBuilder()
                .add(section(new JsonArrayBuilder()
                        .add(field("Value", AlertWording.number(event.value())))
                        .add(field("Threshold", AlertWording.number(event.threshold())))
                        .add(field("Severity", AlertWording.severity(event)))
                        .add(field("State", AlertWording.state(event)))));
        StringJoiner context = new StringJoiner(" · ");
        new TreeMap<>(event.labels()).forEach((k, v) -> context.add(escape(k) + "=" + escape(v)));
        context.add("project " + escape(event.projectId()));
        if (event.at() != null) {
            context.add(WHEN.format(event.at()));
        }
        details.add(new JsonObjectBuilder().put("type", "context").put("elements",
                new JsonArrayBuilder().add(mrkdwn(limit(context.toString(), FIELD_LIMIT)))));
        if (event.link() != null && !event.link().isBlank()) {
            details.add(new JsonObjectBuilder().put("type", "section")
                    .put("text", mrkdwn("<" + escapeLink(event.link()) + "|Open in Argus>")));
        }

        return new JsonObjectBuilder()
                .put("text", emoji(event) + " " + AlertWording.headline(event) + " — " + AlertWording.comparison(event))
                .put("blocks", new JsonArrayBuilder().add(new JsonObjectBuilder().put("type", "section")
                        .put("text", mrkdwn(limit(headline + "\n" + summary, SECTION_LIMIT)))))
                .put("attachments", new JsonArrayBuilder().add(new JsonObjectBuilder()
                        .put("color", color(event))
                        .put("blocks", details)))
                .toString();
    }

    static String emoji(AlertEvent event) {
        if (event.state() == AlertEvent.State.RESOLVED) {
            return ":white_check_mark:";
        }
        return switch (event.severity()) {
            case CRITICAL -> ":rotating_light:";
            case WARNING -> ":warning:";
            case INFO -> ":information_source:";
        };
    }

    static String color(AlertEvent event) {
        if (event.state() == AlertEvent.State.RESOLVED) {
            return "#2EB67D";
        }
        return switch (event.severity()) {
            case CRITICAL -> "#E01E5A";
            case WARNING -> "#ECB22E";
            case INFO -> "#36C5F0";
        };
    }

    private static JsonObjectBuilder section(JsonArrayBuilder fields) {
        return new JsonObjectBuilder().put("type", "section").put("fields", fields);
    }

    private static JsonObjectBuilder field(String title, String value) {
        return mrkdwn(limit("*" + title + "*\n" + escape(value), FIELD_LIMIT));
    }

    private static JsonObjectBuilder mrkdwn(String text) {
        return new JsonObjectBuilder().put("type", "mrkdwn").put("text", text);
    }

    /** Escapes the three characters Slack's mrkdwn reserves. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Inside {@code <url|label>} a {@code |} or {@code >} would end the URL early. */
    private static String escapeLink(String url) {
        return escape(url).replace("|", "%7C");
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
