package io.egostream.cli.config;

import io.egostream.config.ConfigDescriber;
import io.egostream.config.ConfigException;
import io.egostream.config.ConfigValues;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code egostream config}: validates the configuration (defaults, {@code --config FILE}, environment) and
 * prints every key with its effective value; {@code --describe} prints every key with type, default,
 * allowed values, environment variable and doc. Exit code 0, or 2 with the problem on standard error when
 * the configuration is invalid.
 */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Check the configuration and print every key's effective value (--describe: the key table).")
public final class ConfigCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Mixin private ConfigOption config;

    @Option(names = "--describe", description = "Print every key with type, default, allowed values, "
            + "environment variable and doc, as a Markdown table.")
    private boolean describe;

    private Map<String, String> env = System.getenv();

    /**
     * Replaces the environment the command reads (for tests).
     *
     * @param environment the variables
     * @return this command
     */
    ConfigCommand withEnv(final Map<String, String> environment) {
        this.env = environment;
        return this;
    }

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        if (describe) {
            out.print(describeTable());
            out.flush();
            return 0;
        }
        final ConfigValues values;
        try {
            values = config.loadValues(env);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("egostream config: " + e.getMessage());
            return 2;
        }
        for (final ConfigDescriber.KeyDescription row : ConfigDescriber.describe(values)) {
            out.println(row.key() + " = " + row.defaultValue());
        }
        out.flush();
        return 0;
    }

    private static String describeTable() {
        final StringBuilder table = new StringBuilder("| key | type | default | allowed | variable | what it does |\n")
                .append("|---|---|---|---|---|---|\n");
        for (final ConfigDescriber.KeyDescription row : ConfigDescriber.describe()) {
            table.append("| `").append(row.key()).append("` | ").append(row.type()).append(" | `")
                    .append(row.defaultValue()).append("` | ").append(row.allowed().replace("|", "\\|"))
                    .append(" | `").append(row.envName()).append("` | ").append(row.doc().replace("|", "\\|"))
                    .append(" |\n");
        }
        return table.toString();
    }
}
