package org.mlaexchange.auditcli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

@TopCommand
@Command(name = "mla-audit", mixinStandardHelpOptions = true, version = "mla-audit 0.1.0",
        description = "Replays and verifies MLA Exchange's event logs. Exit codes: 0 every log verified, 1 a log is broken or"
                + " contradicts a checkpoint (the report names the first bad position), 2 the audit could not be carried out.",
        subcommands = {VerifyCommand.class, TimelineCommand.class, ProveCommand.class, StatsCommand.class})
public class AuditCommand {
}
