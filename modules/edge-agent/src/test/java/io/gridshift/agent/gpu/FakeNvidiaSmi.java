package io.gridshift.agent.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test double for the {@code nvidia-smi} binary, which needs a GPU: it replays recorded query
 * output from the test resources, records every command, and keeps the power limits that {@code
 * -pl} sets so that later queries show them, as the real tool would. It can fail a given {@code
 * -pl} with recorded output, or act as if the binary were not installed.
 */
public final class FakeNvidiaSmi implements CommandRunner {
    static final String OK = resource("constructed-pl-ok.txt");
    static final String NO_PERMISSION = resource("constructed-pl-insufficient-permissions.txt");

    private final List<String[]> rows = new ArrayList<>();
    private final List<List<String>> commands = new ArrayList<>();
    private final Map<Integer, CommandResult> plFailures = new HashMap<>();
    private boolean missing;

    /** Replays {@code resource}, a recorded or constructed query output. */
    public FakeNvidiaSmi(String resource) {
        for (String line : resource(resource).split("\\R")) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
    }

    static String resource(String name) {
        try (InputStream in = FakeNvidiaSmi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on, starting the binary fails as it does when it is not on PATH. */
    FakeNvidiaSmi missing() {
        missing = true;
        return this;
    }

    /** {@code -i index -pl ...} fails with exit status 4 and the recorded permission error. */
    public FakeNvidiaSmi failPl(int index) {
        plFailures.put(index, new CommandResult(4, NO_PERMISSION, ""));
        return this;
    }

    List<List<String>> commands() {
        return List.copyOf(commands);
    }

    /** The {@code -pl} commands only, as "index:watts". */
    public List<String> limitsSet() {
        List<String> set = new ArrayList<>();
        for (List<String> c : commands) {
            if (c.contains("-pl")) {
                set.add(c.get(2) + ":" + c.get(4));
            }
        }
        return set;
    }

    /** The power limit cell of GPU {@code index} now. */
    public String limitOf(int index) {
        return rows.get(index)[4].strip();
    }

    void clearCommands() {
        commands.clear();
    }

    @Override
    public CommandResult run(List<String> command) throws IOException {
        if (missing) {
            throw new IOException(
                    "Cannot run program \"nvidia-smi\": error=2, No such file or directory");
        }
        commands.add(List.copyOf(command));
        if (command.equals(NvidiaSmi.QUERY)) {
            StringBuilder out = new StringBuilder();
            for (String[] row : rows) {
                out.append(String.join(",", row)).append('\n');
            }
            return new CommandResult(0, out.toString(), "");
        }
        if (command.size() == 5 && command.get(1).equals("-i") && command.get(3).equals("-pl")) {
            int index = Integer.parseInt(command.get(2));
            CommandResult failure = plFailures.get(index);
            if (failure != null) {
                return failure;
            }
            rows.get(index)[4] = " " + command.get(4) + ".00";
            return new CommandResult(0, OK, "");
        }
        return new CommandResult(2, "", "unexpected command " + command);
    }
}
