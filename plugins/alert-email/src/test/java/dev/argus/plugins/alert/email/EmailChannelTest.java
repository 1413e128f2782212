package dev.argus.plugins.alert.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.argus.api.alert.AlertEvent;
import dev.argus.api.alert.AlertEvent.Severity;
import dev.argus.api.alert.AlertEvent.State;
import dev.argus.api.alert.DeliveryResult;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmailChannelTest {

    private static final String PASSWORD = "smtp-pa55-w0rd";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:16:00Z"), ZoneOffset.UTC);

    private GreenMail smtp;

    @BeforeEach
    void startSmtpServer() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        smtp.setUser("alerts@argus.test", "alerts", PASSWORD);
    }

    @AfterEach
    void stopSmtpServer() {
        smtp.stop();
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("host", "127.0.0.1");
        settings.put("port", Integer.toString(smtp.getSmtp().getPort()));
        settings.put("security", "none");
        settings.put("username", "alerts");
        settings.put("password", PASSWORD);
        settings.put("from", "Argus <alerts@argus.test>");
        settings.put("to", "oncall@team.test, lead@team.test");
        settings.put("timeout", "5s");
        return settings;
    }

    private static EmailChannel channel(Map<String, String> settings) {
        EmailChannel channel = new EmailChannel();
        channel.init(HostContext.of(channel.configSchema(), settings, CLOCK));
        return channel;
    }

    private static AlertEvent event(String ruleName) {
        return new AlertEvent("rule-9", ruleName, "proj-7", State.FIRING, Severity.WARNING,
                "Cost per user $12.40 is above $10", 12.4, 10, Instant.parse("2026-11-28T10:15:00Z"),
                "https://argus.example/alerts/rule-9", Map.of("user", "u-123"));
    }

    @Test
    void sendsPlainTextAndHtmlThatTheSmtpServerReceives() throws Exception {
        DeliveryResult result = channel(settings()).deliver(event("Cost per user <b>&</b> \"spend\""));

        assertTrue(result.delivered(), result.detail());
        assertTrue(result.detail().startsWith("accepted by 127.0.0.1:" + smtp.getSmtp().getPort() + " for 2 recipient(s)"),
                result.detail());
        assertTrue(smtp.waitForIncomingEmail(5000, 2));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(2, received.length, "one copy per recipient");
        MimeMessage mail = received[0];
        assertEquals("Argus <alerts@argus.test>", mail.getFrom()[0].toString());
        assertEquals(List.of("oncall@team.test", "lead@team.test"),
                Arrays.stream(mail.getAllRecipients()).map(Address::toString).toList());
        assertEquals("[Argus] [FIRING] WARNING: Cost per user <b>&</b> \"spend\" — value 12.4 vs threshold 10",
                mail.getSubject());
        assertEquals("rule-9", mail.getHeader("X-Argus-Rule-Id", null));
        assertEquals("firing", mail.getHeader("X-Argus-State", null));
        assertEquals(Instant.parse("2026-11-28T10:16:00Z"), mail.getSentDate().toInstant());

        assertTrue(mail.getContentType().startsWith("multipart/alternative"), mail.getContentType());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        // SMTP carries lines with CRLF
        String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        String html = (String) parts.getBodyPart(1).getContent();

        assertTrue(text.contains("Cost per user $12.40 is above $10"), text);
        assertTrue(text.contains("Value: 12.4\n") && text.contains("Threshold: 10\n"), text);
        assertTrue(text.contains("user: u-123"), text);
        assertTrue(text.contains("Open in Argus: https://argus.example/alerts/rule-9"), text);
        assertTrue(html.contains("Cost per user &lt;b&gt;&amp;&lt;/b&gt; &quot;spend&quot;"), html);
        assertFalse(html.contains("<b>&</b>"), html);
        assertTrue(html.contains("<a href=\"https://argus.example/alerts/rule-9\">Open in Argus</a>"), html);
        assertTrue(html.contains("<th align=\"left\">Threshold</th><td>10</td>"), html);
    }

    @Test
    void aResolvedAlertSaysSo() throws Exception {
        AlertEvent resolved = new AlertEvent("rule-9", "Latency", "proj-7", State.RESOLVED, Severity.CRITICAL, "",
                800, 1500, Instant.parse("2026-11-28T10:30:00Z"), "javascript:alert(1)", Map.of());
        assertTrue(channel(settings()).deliver(resolved).delivered());
        assertTrue(smtp.waitForIncomingEmail(5000, 2));
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertEquals("[Argus] [RESOLVED] Latency — value 800 vs threshold 1500", mail.getSubject());
        String html = (String) ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent();
        assertFalse(html.contains("javascript:"), "only http(s) links become anchors");
    }

    @Test
    void aWrongPasswordIsAFailedDeliveryThatDoesNotQuoteThePassword() {
        Map<String, String> settings = settings();
        settings.put("password", "wrong-" + PASSWORD);
        DeliveryResult result = channel(settings).deliver(event("x"));
        assertFalse(result.delivered());
        assertTrue(result.detail().contains("refused the login"), result.detail());
        assertFalse(result.detail().contains(PASSWORD), result.detail());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void aClosedPortIsAFailedDelivery() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Map<String, String> settings = settings();
        settings.put("port", Integer.toString(port));
        DeliveryResult result = channel(settings).deliver(event("x"));
        assertFalse(result.delivered());
        assertEquals("could not connect to 127.0.0.1:" + port + ": connection refused or unreachable", result.detail());
    }

    @Test
    void starttlsIsRequiredWhenAskedFor() {
        Map<String, String> settings = settings();
        settings.put("security", "starttls");
        DeliveryResult result = channel(settings).deliver(event("x"));
        assertFalse(result.delivered(), "a server without a trusted STARTTLS must not get the password in clear");
        assertFalse(result.detail().contains(PASSWORD), result.detail());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    @Test
    void badSettingsAreRejectedNamingTheKey() {
        EmailChannel channel = new EmailChannel();
        Map<String, String> badTo = settings();
        badTo.put("to", "oncall@team.test, not an address");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> channel.init(HostContext.of(channel.configSchema(), badTo, CLOCK))).getMessage().startsWith("to "));
        Map<String, String> noPassword = settings();
        noPassword.remove("password");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> channel.init(HostContext.of(channel.configSchema(), noPassword, CLOCK))).getMessage()
                .contains("password"));
        Map<String, String> badSecurity = settings();
        badSecurity.put("security", "tls13");
        assertThrows(IllegalArgumentException.class,
                () -> channel.init(HostContext.of(channel.configSchema(), badSecurity, CLOCK)));
    }

    @Test
    void thePasswordIsASecretSetting() {
        assertTrue(new EmailChannel().configSchema().fields().stream()
                .filter(f -> f.name().equals("password")).findFirst().orElseThrow().secret());
    }
}
