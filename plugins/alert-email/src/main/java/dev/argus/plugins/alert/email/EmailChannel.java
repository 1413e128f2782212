package dev.argus.plugins.alert.email;

import dev.argus.api.ConfigField;
import dev.argus.api.ConfigField.Type;
import dev.argus.api.ConfigSchema;
import dev.argus.api.PluginContext;
import dev.argus.api.alert.AlertChannel;
import dev.argus.api.alert.AlertEvent;
import dev.argus.api.alert.DeliveryResult;
import dev.argus.plugins.alert.support.SecretRedactor;
import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.pf4j.Extension;

/**
 * Sends each alert event as an email with a plain-text and an HTML alternative, over SMTP with
 * Eclipse Angus Mail (shaded into this jar). One connection per delivery; a refused connection,
 * login or recipient is a failed delivery, which the host may retry.
 */
@Extension
public final class EmailChannel implements AlertChannel {

    private volatile State state;

    private record State(EmailSettings settings, Session session, SecretRedactor redactor, Clock clock) {
    }

    @Override
    public String id() {
        return "email";
    }

    @Override
    public String displayName() {
        return "Email";
    }

    @Override
    public String description() {
        return "Emails fired and resolved alerts (plain text and HTML) through an SMTP server, "
                + "with STARTTLS or SSL and an optional login.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                ConfigField.required("host", Type.STRING, "SMTP server host name."),
                ConfigField.optional("port", Type.INTEGER, "587", "SMTP port: usually 587 (STARTTLS) or 465 (SSL)."),
                new ConfigField("security", Type.ENUM, false, false, "starttls",
                        "starttls: upgrade the connection and refuse to send if the server cannot; "
                                + "ssl: TLS from the start (SMTPS); none: no encryption, for a trusted relay only.",
                        List.of("starttls", "ssl", "none")),
                ConfigField.optional("username", Type.STRING, null, "Login; leave empty to send without one."),
                new ConfigField("password", Type.STRING, false, true, null, "Password for the login.", List.of()),
                ConfigField.required("from", Type.STRING, "Sender address, e.g. Argus <alerts@example.com>."),
                ConfigField.required("to", Type.STRING, "Recipients, comma-separated."),
                ConfigField.optional("subject_prefix", Type.STRING, "[Argus]", "Put before every subject."),
                ConfigField.optional("timeout", Type.DURATION, "10s",
                        "Deadline for connecting and for each read or write on the connection."),
                ConfigField.optional("ssl_trust", Type.STRING, null,
                        "Hosts (space-separated) whose TLS certificate is accepted without validation, "
                                + "for a relay with a self-signed certificate; \"*\" trusts every host."));
    }

    @Override
    public void init(PluginContext context) {
        EmailSettings settings = EmailSettings.from(context.config());
        List<String> secrets = new ArrayList<>();
        if (settings.password() != null) {
            secrets.add(settings.password());
        }
        state = new State(settings, Session.getInstance(sessionProperties(settings)), SecretRedactor.of(secrets),
                context.clock());
    }

    static Properties sessionProperties(EmailSettings settings) {
        String millis = Long.toString(settings.timeout().toMillis());
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", settings.host());
        props.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        props.setProperty("mail.smtp.connectiontimeout", millis);
        props.setProperty("mail.smtp.timeout", millis);
        props.setProperty("mail.smtp.writetimeout", millis);
        props.setProperty("mail.smtp.auth", Boolean.toString(settings.username() != null));
        // a relay listed in ssl_trust is accepted without validation, host name included
        props.setProperty("mail.smtp.ssl.checkserveridentity", Boolean.toString(settings.sslTrust() == null));
        switch (settings.security()) {
            case STARTTLS -> {
                props.setProperty("mail.smtp.starttls.enable", "true");
                props.setProperty("mail.smtp.starttls.required", "true");
            }
            case SSL -> props.setProperty("mail.smtp.ssl.enable", "true");
            case NONE -> { }
        }
        if (settings.sslTrust() != null) {
            props.setProperty("mail.smtp.ssl.trust", settings.sslTrust());
        }
        return props;
    }

    @Override
    public DeliveryResult deliver(AlertEvent event) {
        State s = state;
        if (s == null) {
            return DeliveryResult.failed("email channel is not configured");
        }
        EmailSettings settings = s.settings();
        String server = settings.host() + ":" + settings.port();
        // Jakarta Mail finds its own implementation classes through the context class loader
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmailChannel.class.getClassLoader());
        try {
            MimeMessage message = compose(event, s);
            // built directly: the provider list Session would consult names the unrelocated class
            SMTPTransport transport = new SMTPTransport(s.session(),
                    new URLName("smtp", settings.host(), settings.port(), null, settings.username(), null));
            try {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                transport.sendMessage(message, message.getAllRecipients());
                String reply = transport.getLastServerResponse();
                return DeliveryResult.ok(s.redactor().redact("accepted by " + server + " for "
                        + settings.to().size() + " recipient(s)" + (reply == null ? "" : ": " + reply.strip())));
            } finally {
                closeQuietly(transport);
            }
        } catch (AuthenticationFailedException e) {
            return DeliveryResult.failed(s.redactor().redact(server + " refused the login: " + messageOf(e)));
        } catch (SendFailedException e) {
            return DeliveryResult.failed(s.redactor().redact(server + " refused the message: " + messageOf(e)));
        } catch (MessagingException e) {
            return DeliveryResult.failed(s.redactor().redact(describe(e, server)));
        } catch (RuntimeException e) {
            return DeliveryResult.failed(s.redactor().redact("could not send through " + server + ": " + messageOf(e)));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static MimeMessage compose(AlertEvent event, State s) throws MessagingException {
        EmailSettings settings = s.settings();
        EmailContent content = EmailContent.of(event);
        MimeMessage message = new MimeMessage(s.session());
        message.setFrom(settings.from());
        message.setRecipients(Message.RecipientType.TO, settings.to().toArray(InternetAddress[]::new));
        String prefix = settings.subjectPrefix().isEmpty() ? "" : settings.subjectPrefix() + " ";
        message.setSubject(prefix + content.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(s.clock().instant()));
        message.setHeader("X-Argus-Rule-Id", event.ruleId());
        message.setHeader("X-Argus-State", event.state().name().toLowerCase(java.util.Locale.ROOT));

        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(textPart(content.text(), "text/plain; charset=UTF-8"));
        alternatives.addBodyPart(textPart(content.html(), "text/html; charset=UTF-8"));
        DataHandler body = new DataHandler(alternatives, alternatives.getContentType());
        body.setCommandMap(new MultipartCommandMap());
        message.setDataHandler(body);
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart textPart(String text, String contentType) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(text.getBytes(StandardCharsets.UTF_8), contentType)));
        part.setHeader("Content-Type", contentType);
        return part;
    }

    private static String describe(MessagingException e, String server) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof ConnectException) {
                return "could not connect to " + server + ": connection refused or unreachable";
            }
            if (root instanceof UnknownHostException) {
                return "could not connect to " + server + ": unknown host";
            }
            if (root instanceof SocketTimeoutException) {
                return "no answer from " + server + " in time: " + messageOf(root);
            }
            if (root instanceof SSLException) {
                return "TLS with " + server + " failed: " + messageOf(root);
            }
        }
        return "SMTP error with " + server + ": " + messageOf(e);
    }

    private static String messageOf(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ").strip();
    }

    private static void closeQuietly(SMTPTransport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // the message was accepted (or the failure is already being reported); QUIT failing changes nothing
        }
    }
}
