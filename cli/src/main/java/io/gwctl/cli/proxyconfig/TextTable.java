package io.gwctl.cli.proxyconfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Columns aligned as istioctl's tabwriter prints them (minimum cell width 0, padding 5, spaces), so output
 * reads like {@code istioctl proxy-config} and scripts that cut columns by whitespace keep working.
 */
final class TextTable {

    private static final int PADDING = 5;

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = List.of(header);
    }

    void add(String... cells) {
        rows.add(List.of(cells));
    }

    String render() {
        int[] widths = new int[header.size()];
        for (List<String> row : withHeader()) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : withHeader()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + PADDING));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private List<List<String>> withHeader() {
        List<List<String>> all = new ArrayList<>(rows.size() + 1);
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
