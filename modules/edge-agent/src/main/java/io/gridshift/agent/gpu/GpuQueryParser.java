package io.gridshift.agent.gpu;

import io.gridshift.domain.error.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Parses the output of {@link NvidiaSmi#QUERY_FIELDS} with {@code --format=csv,noheader,nounits}.
 * Strict on shape (a line with the wrong number of cells or a number that is not one fails, naming
 * the column and the line) because a misread limit would cap the wrong amount; lenient only for
 * nvidia-smi's own "no value" markers.
 */
final class GpuQueryParser {
    /** The columns in query order; the names are nvidia-smi's, for error messages. */
    static final List<String> COLUMNS =
            List.of(
                    "index",
                    "uuid",
                    "name",
                    "power.draw",
                    "power.limit",
                    "power.default_limit",
                    "power.min_limit",
                    "power.max_limit",
                    "utilization.gpu",
                    "memory.used",
                    "memory.total",
                    "temperature.gpu");

    private GpuQueryParser() {}

    static List<GpuReading> parse(String output) {
        List<GpuReading> gpus = new ArrayList<>();
        String[] lines = output.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                gpus.add(parseLine(lines[i], i + 1));
            }
        }
        return gpus;
    }

    static GpuReading parseLine(String line, int lineNo) {
        // Product names contain no commas; nvidia-smi does not quote cells.
        String[] cells = line.split(",", -1);
        if (cells.length != COLUMNS.size()) {
            throw new InvalidFieldException(
                    "nvidia-smi line " + lineNo,
                    "columns",
                    line,
                    "must have " + COLUMNS.size() + " cells, has " + cells.length);
        }
        Cells c = new Cells(cells, lineNo);
        return new GpuReading(
                (int) c.required(0),
                c.text(1),
                c.text(2),
                c.optional(3),
                c.optional(4),
                c.optional(5),
                c.optional(6),
                c.optional(7),
                c.optional(8),
                c.optional(9),
                c.optional(10),
                c.optional(11));
    }

    /** The cells of one line, with the line number for errors. */
    private record Cells(String[] cells, int lineNo) {
        String text(int col) {
            String v = cells[col].strip();
            if (v.isEmpty() || isNa(v)) {
                throw bad(col, v, "must not be empty or N/A");
            }
            return v;
        }

        double required(int col) {
            OptionalDouble v = optional(col);
            if (v.isEmpty()) {
                throw bad(col, cells[col].strip(), "must be present");
            }
            return v.getAsDouble();
        }

        OptionalDouble optional(int col) {
            String v = cells[col].strip();
            if (isNa(v)) {
                return OptionalDouble.empty();
            }
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw bad(col, v, "must be a finite number or [N/A]");
                }
                return OptionalDouble.of(d);
            } catch (NumberFormatException e) {
                throw new InvalidFieldException(
                        field(col), "number", v, "must be a number or [N/A]", e);
            }
        }

        private InvalidFieldException bad(int col, String v, String expectation) {
            return new InvalidFieldException(field(col), "number", v, expectation);
        }

        private String field(int col) {
            return "nvidia-smi line " + lineNo + " column " + COLUMNS.get(col);
        }

        private static boolean isNa(String v) {
            // nvidia-smi prints [N/A], N/A or [Not Supported] depending on version and board.
            return v.equals("[N/A]") || v.equals("N/A") || v.equals("[Not Supported]");
        }
    }
}
