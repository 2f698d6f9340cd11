package org.mlaexchange.auditcli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.statistics.LogStatistics;
import org.mlaexchange.contracts.statistics.Statistics;
import org.mlaexchange.contracts.statistics.StatisticsQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Computes each service's statistics (as GET /api/statistics gives them) from its replayed log, and prints"
                + " them only if that whole log verifies (hash chain, signed checkpoints, the witness folder): the published"
                + " figures can then be checked against the signed history. Needs an auditor of the oversight body.")
public class StatsCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Option(names = "--state", paramLabel = "CODE", description = "Only this State's cases, as its central authority sees its figures (default: every case).")
    String state;

    @Option(names = "--counterpart", paramLabel = "CODE", description = "Only cases with this State on the other side.")
    String counterpart;

    @Option(names = "--from", paramLabel = "INSTANT", description = "Only cases opened at or after (ISO-8601 instant or date).")
    String from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "Only cases opened before (ISO-8601 instant or date).")
    String to;

    @Option(names = "--witness", paramLabel = "DIR", defaultValue = "${env:MLA_AUDIT_WITNESS:-${sys:user.home}/.mla-audit}",
            description = "Folder of what this auditor verified before, checked but not added to (default: ${DEFAULT-VALUE}).")
    Path witnessFolder;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        StatisticsQuery query;
        try {
            query = new StatisticsQuery(code(state), code(counterpart), instant(from), instant(to), LocalDate.now(ZoneOffset.UTC));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            System.err.println("mla-audit: " + e.getMessage());
            return 2;
        }
        VerifyCommand verify = new VerifyCommand();
        verify.connection = connection;
        verify.witnessFolder = witnessFolder;
        verify.noSave = true;
        verify.progress = false;
        Map<String, LogStatistics> folded = new LinkedHashMap<>();
        verify.replayedEvents = service -> folded.computeIfAbsent(service, LogStatistics::forService)::accept;
        Map<String, Statistics> results = new LinkedHashMap<>();
        try {
            AuditApi api = connection.api();
            for (Map.Entry<String, URI> service : connection.services().entrySet()) {
                ServiceAuditor.Report report = verify.audit(api, service.getKey(), service.getValue());
                if (!report.intact()) {
                    ServiceAuditor.Finding first = report.firstBad().orElseThrow();
                    System.err.printf("mla-audit: %s: the log does not verify (first bad position %s: %s); no statistics from it%n",
                            service.getKey(), first.position(), first.detail());
                    return 1;
                }
                results.put(service.getKey(), folded.get(service.getKey()).result(query));
            }
        } catch (AuditFailure e) {
            System.err.println("mla-audit: could not compute statistics: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("mla-audit: witness folder: " + e);
            return 2;
        }
        print(System.out, results);
        return 0;
    }

    private void print(PrintStream out, Map<String, Statistics> results) {
        switch (format) {
            case json -> {
                ArrayNode array = EventJson.mapper().createArrayNode();
                results.values().forEach(s -> array.add(EventJson.mapper().valueToTree(s)));
                out.println(array.toPrettyString());
            }
            case csv -> {
                out.print("figure,key,value\r\n");
                results.values().forEach(s -> out.print(s.toCsv().substring(s.toCsv().indexOf("\r\n") + 2)));
            }
            default -> results.values().forEach(s -> text(out, s));
        }
    }

    private static void text(PrintStream out, Statistics s) {
        out.printf("%s  (cases of %s%s%s%s; from the verified log)%n", s.service(), s.scope(),
                s.counterpart() == null ? "" : " with " + s.counterpart(), s.from() == null ? "" : ", opened from " + s.from(),
                s.to() == null ? "" : " before " + s.to());
        out.printf("  cases              %d%n", s.cases());
        out.printf("  by status          %s%n", s.casesByStatus());
        if (!s.itemsByStatus().isEmpty()) {
            out.printf("  items by status    %s%n", s.itemsByStatus());
        }
        s.timings().forEach((name, t) -> out.printf("  time to %-10s %d cases, median %s, p90 %s%n", name, t.count(),
                duration(t.medianMillis()), duration(t.p90Millis())));
        out.printf("  refusals by ground %s%n", s.refusalsByGround());
        out.printf("  overdue now        %d%n", s.overdueNow());
        out.printf("  postponements      %d%n", s.postponements());
        out.printf("  consents           %s%n", s.consents());
        if (!s.outcomes().isEmpty()) {
            out.printf("  outcomes           %s%n", s.outcomes());
        }
        Statistics.SpontaneousFigures spontaneous = s.spontaneousInformation();
        if (spontaneous != null) {
            out.printf("  spontaneous information %d%n", spontaneous.cases());
            out.printf("    by status          %s%n", spontaneous.casesByStatus());
            out.printf("    sent to            %s%n", spontaneous.sentTo());
            out.printf("    received from      %s%n", spontaneous.receivedFrom());
            out.printf("    time to acknowledge %d cases, median %s, p90 %s%n", spontaneous.acknowledge().count(),
                    duration(spontaneous.acknowledge().medianMillis()), duration(spontaneous.acknowledge().p90Millis()));
            out.printf("    conditions declined %d%n", spontaneous.conditionsDeclined());
            out.printf("    use consents       %s%n", spontaneous.useConsents());
            out.printf("    overdue now        %d%n", spontaneous.overdueNow());
        }
        out.println();
    }

    private static String duration(Long millis) {
        return millis == null ? "-" : java.time.Duration.ofMillis(millis).toString();
    }

    private static StateCode code(String value) {
        return value == null ? null : StateCode.of(value);
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
    }
}
