package org.mlaexchange.auditcli;

/** How a report is written. */
enum Format {
    text, json, csv;

    static String csv(Object value) {
        String s = value == null ? "" : value.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
