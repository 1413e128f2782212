package dev.argus.core.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 writes it (and spreadsheets export it): comma-separated fields, fields in double
 * quotes may hold commas, line breaks and doubled quotes, records end with LF or CRLF. Blank lines are
 * skipped. Malformed input is an {@link IllegalArgumentException} naming the line and column.
 */
final class CsvRecords {

    /**
     * One record.
     *
     * @param line   the line it starts on (1-based)
     * @param fields its fields
     */
    record Row(int line, List<String> fields) {
    }

    private CsvRecords() {
    }

    static List<Row> parse(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean quoted = false;
        boolean closed = false;
        int line = 1;
        int column = 0;
        int rowLine = 1;
        int quoteLine = 1;
        int quoteColumn = 0;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            column++;
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                        column++;
                    } else {
                        inQuotes = false;
                        closed = true;
                    }
                } else {
                    field.append(c);
                    if (c == '\n' || (c == '\r' && (i + 1 >= csv.length() || csv.charAt(i + 1) != '\n'))) {
                        line++;
                        column = 0;
                    }
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quoted = false;
                closed = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                addRow(rows, rowLine, fields, quoted);
                fields = new ArrayList<>();
                field.setLength(0);
                quoted = false;
                closed = false;
                line++;
                column = 0;
                rowLine = line;
            } else if (c == '"') {
                if (field.length() > 0 || quoted) {
                    throw new IllegalArgumentException("line " + line + ", column " + column
                            + ": a quote inside an unquoted field (quote the whole field and double the quote)");
                }
                inQuotes = true;
                quoted = true;
                quoteLine = line;
                quoteColumn = column;
            } else {
                if (closed) {
                    throw new IllegalArgumentException("line " + line + ", column " + column
                            + ": text after the closing quote of a field");
                }
                field.append(c);
            }
        }
        if (inQuotes) {
            throw new IllegalArgumentException("line " + quoteLine + ", column " + quoteColumn
                    + ": the quoted field opened here is never closed");
        }
        if (field.length() > 0 || quoted || !fields.isEmpty()) {
            fields.add(field.toString());
            addRow(rows, rowLine, fields, quoted);
        }
        return rows;
    }

    private static void addRow(List<Row> rows, int line, List<String> fields, boolean lastQuoted) {
        boolean blank = fields.size() == 1 && fields.get(0).isEmpty() && !lastQuoted;
        if (!blank) {
            rows.add(new Row(line, List.copyOf(fields)));
        }
    }
}
