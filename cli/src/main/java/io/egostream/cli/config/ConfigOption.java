package io.egostream.cli.config;

import io.egostream.config.ConfigLoader;
import io.egostream.config.ConfigValues;
import io.egostream.config.EgoStreamConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option, as a picocli mixin ({@code @Mixin ConfigOption config;}) for every
 * command that reads the configuration. Without the option, the file named by {@code EGOSTREAM_CONFIG} is
 * read if that variable is set; environment overrides ({@code EGOSTREAM_<GROUP>_<KEY>}) always apply.
 */
public final class ConfigOption {

    /** Variable naming the configuration file when {@code --config} is not given. */
    public static final String CONFIG_FILE_VARIABLE = "EGOSTREAM_CONFIG";

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration file (any subset of keys; default: $EGOSTREAM_CONFIG, else none).")
    private Path file;

    /**
     * The configuration file to read.
     *
     * @param env the environment
     * @return {@code --config}, else {@code EGOSTREAM_CONFIG}, else null
     */
    public Path file(final Map<String, String> env) {
        if (file != null) {
            return file;
        }
        final String fromEnv = env.get(CONFIG_FILE_VARIABLE);
        return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }

    /**
     * Loads the configuration: defaults, then the file, then the environment.
     *
     * @param env the environment (usually {@code System.getenv()})
     * @return the validated configuration
     * @throws io.egostream.config.ConfigException naming the bad key, value and what is allowed
     */
    public EgoStreamConfig load(final Map<String, String> env) {
        return ConfigLoader.load(file(env), env);
    }

    /**
     * Loads the validated values without building the groups.
     *
     * @param env the environment
     * @return one typed value per key
     * @throws io.egostream.config.ConfigException as {@link #load}
     */
    public ConfigValues loadValues(final Map<String, String> env) {
        final ConfigValues values = ConfigLoader.loadValues(file(env), env);
        EgoStreamConfig.from(values); // checks the values of several keys together
        return values;
    }
}
