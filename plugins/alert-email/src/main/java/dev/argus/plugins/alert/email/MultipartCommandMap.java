package dev.argus.plugins.alert.email;

import jakarta.activation.ActivationDataFlavor;
import jakarta.activation.CommandInfo;
import jakarta.activation.CommandMap;
import jakarta.activation.DataContentHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Tells Jakarta Activation how to write a multipart body, without the {@code META-INF/mailcap} file
 * that normally does it: Angus Mail is shaded and relocated into this plugin, and the class names
 * in that file still point to the original packages. Text parts come from byte data sources and
 * need no handler at all.
 */
final class MultipartCommandMap extends CommandMap {

    @Override
    public CommandInfo[] getPreferredCommands(String mimeType) {
        return new CommandInfo[0];
    }

    @Override
    public CommandInfo[] getAllCommands(String mimeType) {
        return new CommandInfo[0];
    }

    @Override
    public CommandInfo getCommand(String mimeType, String cmdName) {
        return null;
    }

    @Override
    public DataContentHandler createDataContentHandler(String mimeType) {
        return mimeType != null && mimeType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                ? new MultipartHandler() : null;
    }

    private static final class MultipartHandler implements DataContentHandler {

        @Override
        public ActivationDataFlavor[] getTransferDataFlavors() {
            return new ActivationDataFlavor[0];
        }

        @Override
        public Object getTransferData(ActivationDataFlavor flavor, DataSource source) throws IOException {
            return getContent(source);
        }

        @Override
        public Object getContent(DataSource source) throws IOException {
            try {
                return new MimeMultipart(source);
            } catch (MessagingException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void writeTo(Object content, String mimeType, OutputStream out) throws IOException {
            if (!(content instanceof Multipart multipart)) {
                throw new IOException("expected a Multipart for " + mimeType + " but got " + content.getClass());
            }
            try {
                multipart.writeTo(out);
            } catch (MessagingException e) {
                throw new IOException(e);
            }
        }
    }
}
