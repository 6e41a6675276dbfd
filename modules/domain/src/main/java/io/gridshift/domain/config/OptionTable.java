package io.gridshift.domain.config;

import java.util.List;

/** Prints options as the documentation table: environment variable, property, default, meaning. */
public final class OptionTable {
    private OptionTable() {}

    public static String markdown(String envPrefix, List<Option<?>> options) {
        StringBuilder out = new StringBuilder();
        out.append("| env var | property | default | meaning |\n");
        out.append("|---|---|---|---|\n");
        for (Option<?> o : options) {
            String def =
                    o.required()
                            ? "(required)"
                            : o.defaultValue() == null ? "(none)" : "`" + o.defaultValue() + "`";
            out.append("| `")
                    .append(o.envVar(envPrefix))
                    .append("` | `")
                    .append(o.key())
                    .append("` | ")
                    .append(def)
                    .append(" | ")
                    .append(o.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        return out.toString();
    }
}
