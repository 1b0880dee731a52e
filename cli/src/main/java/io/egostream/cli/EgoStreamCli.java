package io.egostream.cli;

import io.egostream.cli.bench.BenchCommand;
import io.egostream.cli.config.ConfigCommand;
import io.egostream.cli.eval.EvalCommand;
import io.egostream.cli.run.BrokerCommand;
import io.egostream.cli.run.ClusterCommand;
import io.egostream.cli.run.DemoCommand;
import io.egostream.cli.run.RunCommand;
import io.egostream.cli.run.SimulateCommand;
import io.egostream.cli.model.ModelCommand;
import io.egostream.cli.nms.NmsCommand;
import io.egostream.cli.text.TextCommand;
import io.egostream.cli.train.BenchmarkCommand;
import io.egostream.cli.train.TrainCommand;
import io.egostream.cli.videotext.SearchCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code egostream} command line. Every product entry point is a subcommand here, each in a class
 * of its own; {@code ./egostream --help} lists them with one line each.
 */
@Command(
        name = "egostream",
        mixinStandardHelpOptions = true,
        usageHelpWidth = 110,
        versionProvider = EgoStreamCli.Version.class,
        description = "EgoStream: live analysis of wearable-camera feature streams (Hier-EgoPack on Kafka).",
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            BrokerCommand.class,
            RunCommand.class,
            SimulateCommand.class,
            ClusterCommand.class,
            SearchCommand.class,
            TextCommand.class,
            ConfigCommand.class,
            ModelCommand.class,
            BenchmarkCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            NmsCommand.class,
            BenchCommand.class,
        })
public final class EgoStreamCli implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with the command's exit code.
     *
     * @param args the arguments
     */
    public static void main(final String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line without exiting the JVM (used by tests).
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int run(final String... args) {
        return new CommandLine(new EgoStreamCli()).execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    /** Reports the product version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            final String v = EgoStreamCli.class.getPackage().getImplementationVersion();
            return new String[] {"egostream " + (v == null ? "dev" : v)};
        }
    }
}
