package dev.cairn.cli;

import java.util.List;
import java.util.function.Supplier;

/**
 * Every subcommand of {@code cairn}, in the order help lists them. A new command is a class annotated with
 * {@code @Command(name = ...)} extending {@link CliCommand}, and one line here.
 */
final class CommandRegistry {
    static final List<Supplier<Object>> COMMANDS = List.of(
            InitCommand::new,
            AddCommand::new,
            ShowCommand::new,
            ListCommand::new,
            SearchCommand::new,
            TreeCommand::new,
            UpdateCommand::new,
            StatusCommand::new,
            ProgressCommand::new,
            LinkCommand::new,
            UnlinkCommand::new,
            LabelCommand::new,
            DeleteCommand::new,
            SummaryCommand::new,
            HistoryCommand::new,
            ExportCommand::new,
            ImportCommand::new,
            ValidateCommand::new,
            CopyCommand::new,
            DoctorCommand::new,
            TraceCommand::new,
            GenerateCommandsCommand::new,
            GraphCommand::new,
            RunCommand::new,
            RunsCommand::new,
            HealthCommand::new,
            MigrateCommand::new,
            DemoCommand::new,
            CompletionCommand::new);

    private CommandRegistry() {
    }
}
