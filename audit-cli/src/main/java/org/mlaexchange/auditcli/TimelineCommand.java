package org.mlaexchange.auditcli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mlaexchange.contracts.events.ChainVerifier;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = "Merges one case's events from every service into one timeline: the case itself and the cases that name it"
                + " (a request's evidence transfers and their items, an extradition citing it), each event's own hash checked.")
public class TimelineCommand implements Callable<Integer> {

    private static final int MAX_CASES = 500;

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "CASE", description = "The case id (a request, transfer, item or extradition).")
    String caseId;

    @Option(names = "--depth", defaultValue = "2", description = "How many steps of cases naming cases to follow (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    record Entry(String time, String service, String caseId, long caseseq, long logseq, String type, String actor,
                 String eventId, String hash, String check, JsonNode event) {
    }

    @Override
    public Integer call() {
        List<Entry> entries = new ArrayList<>();
        try {
            AuditApi api = connection.api();
            for (Map.Entry<String, URI> service : connection.services().entrySet()) {
                entries.addAll(collect(api, service.getKey(), service.getValue()));
            }
        } catch (AuditFailure e) {
            System.err.println("mla-audit: could not build the timeline: " + e.getMessage());
            return 2;
        }
        entries.sort(Comparator.comparing(Entry::time).thenComparing(Entry::service).thenComparingLong(Entry::logseq));
        print(System.out, entries);
        if (entries.isEmpty()) {
            System.err.println("mla-audit: no events of case " + caseId + " that this auditor may see");
            return 2;
        }
        return entries.stream().anyMatch(e -> e.check().startsWith("BAD")) ? 1 : 0;
    }

    /** The case's events in one service, and those of the cases that name it, breadth first. */
    private List<Entry> collect(AuditApi api, String service, URI url) {
        Set<String> cases = new LinkedHashSet<>();
        Set<String> seenEvents = new LinkedHashSet<>();
        List<Entry> found = new ArrayList<>();
        Deque<String[]> todo = new ArrayDeque<>();
        todo.add(new String[] {caseId, "0"});
        cases.add(caseId);
        while (!todo.isEmpty() && cases.size() <= MAX_CASES) {
            String[] next = todo.poll();
            int level = Integer.parseInt(next[1]);
            String id = URLEncoder.encode(next[0], StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            try (Stream<String> own = api.lines(url.resolve("/api/audit/events?case=" + id))) {
                lines.addAll(own.toList());
            }
            if (level < depth) {
                try (Stream<String> naming = api.lines(url.resolve("/api/audit/events?mentions=" + id))) {
                    lines.addAll(naming.toList());
                }
            }
            for (String line : lines) {
                JsonNode event = EventJson.tree(line);
                String subject = event.path("subject").asText();
                if (cases.add(subject)) {
                    todo.add(new String[] {subject, String.valueOf(level + 1)});
                }
                if (seenEvents.add(event.path("id").asText())) {
                    found.add(entry(service, event));
                }
            }
        }
        return found;
    }

    private static Entry entry(String service, JsonNode event) {
        String recorded = event.path("hash").asText();
        String check = event.has(ChainVerifier.REDACTED) ? "redacted"
                : HashChain.hashOf(event).equals(recorded) ? "ok" : "BAD: content does not match its hash";
        return new Entry(event.path("time").asText(), service, event.path("subject").asText(), event.path("caseseq").asLong(),
                event.path("logseq").asLong(), event.path("type").asText(), event.path("actorstate").asText(null),
                event.path("id").asText(), recorded, check, event);
    }

    private void print(PrintStream out, List<Entry> entries) {
        switch (format) {
            case json -> {
                ArrayNode array = EventJson.mapper().createArrayNode();
                entries.forEach(e -> array.add(EventJson.mapper().valueToTree(e)));
                out.println(array.toPrettyString());
            }
            case csv -> {
                out.println("time,service,case,caseseq,logseq,type,actor,event,hash,check");
                entries.forEach(e -> out.println(String.join(",", Stream.of(e.time(), e.service(), e.caseId(), e.caseseq(),
                        e.logseq(), e.type(), e.actor(), e.eventId(), e.hash(), e.check()).map(Format::csv).toList())));
            }
            default -> {
                out.printf("Timeline of case %s: %d events from %d services%n", caseId, entries.size(),
                        entries.stream().map(Entry::service).distinct().count());
                for (Entry e : entries) {
                    out.printf("  %-27s %-20s %-8s %-38s %-2s #%-3d %s%n", e.time(), e.service(), shortId(e.caseId()),
                            shortType(e.type()), e.actor() == null ? "-" : e.actor(), e.caseseq(), e.check());
                }
            }
        }
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    /** org.mlaexchange.request.submitted.v1 -> request.submitted */
    private static String shortType(String type) {
        String t = type.startsWith("org.mlaexchange.") ? type.substring("org.mlaexchange.".length()) : type;
        return t.replaceAll("\\.v\\d+$", "");
    }
}
