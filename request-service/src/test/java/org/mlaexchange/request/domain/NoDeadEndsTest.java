package org.mlaexchange.request.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlaexchange.request.domain.RequestFixtures.AR;
import static org.mlaexchange.request.domain.RequestFixtures.DECIDER;
import static org.mlaexchange.request.domain.RequestFixtures.ID;
import static org.mlaexchange.request.domain.RequestFixtures.NL;
import static org.mlaexchange.request.domain.RequestFixtures.content;
import static org.mlaexchange.request.domain.RequestFixtures.day;
import static org.mlaexchange.request.domain.RequestFixtures.withConfidentiality;
import static org.mlaexchange.request.domain.RequestFixtures.withMeasures;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.GroundForRefusal;
import org.mlaexchange.contracts.request.MeasureKind;
import org.mlaexchange.contracts.request.MeasureProgress;
import org.mlaexchange.contracts.request.MeasureRequest;
import org.mlaexchange.contracts.request.MeasureStatus;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.contracts.rules.DomainException;
import org.mlaexchange.request.domain.MlaRequest.Measure;

/**
 * No dead ends: an exhaustive search over the decider, from a submitted request, through every command
 * each party may send (every action of the table, for each measure it may name), finds every reachable
 * situation; from each, some sequence of allowed actions reaches a terminal status. Then the same
 * without withdrawal: a request can always end by the requested State's decisions and the requesting
 * State's closing, not only by giving up.
 */
class NoDeadEndsTest {

    private static final Set<RequestStatus> TERMINAL = EnumSet.of(RequestStatus.REFUSED, RequestStatus.CLOSED, RequestStatus.WITHDRAWN);
    private static final Instant NOW = day(10);
    private static final Graph GRAPH = explore(starts());

    /** What decides which actions are possible; histories reaching the same situation are explored once. */
    private record Situation(RequestStatus status, boolean confidential, List<MeasureStatus> measures, boolean informationAwaited,
                             boolean statusQuestionOpen, boolean confidentialityNotice, boolean decisionExtended,
                             boolean conditionsPending) {

        static Situation of(MlaRequest r) {
            return new Situation(r.status(), r.confidential(), r.measures().stream().map(Measure::status).toList(), r.informationRequest() != null,
                    r.openStatusQuestion().isPresent(), r.confidentialityNotice() != null, r.decisionExtension() != null,
                    !r.conditions().isEmpty() && r.conditions().get(r.conditions().size() - 1).outcome() == MlaRequest.ConditionsOutcome.PROPOSED);
        }
    }

    /** The explored graph: one representative request per situation, and the actions leading out of it. */
    private static final class Graph {
        final Map<Situation, MlaRequest> states = new LinkedHashMap<>();
        final Map<Situation, Map<Situation, Set<RequestAction>>> edges = new HashMap<>();
    }

    @Test
    void from_every_reachable_situation_a_terminal_status_is_reachable() {
        Graph graph = GRAPH;

        Set<Situation> stuck = cannotReach(graph, s -> TERMINAL.contains(s.status()), a -> true);
        assertEquals(Set.of(), stuck, "dead ends");
        Set<RequestStatus> reached = EnumSet.noneOf(RequestStatus.class);
        graph.states.keySet().forEach(s -> reached.add(s.status()));
        assertEquals(EnumSet.allOf(RequestStatus.class), reached, "the search reaches every status");
        assertTrue(graph.states.size() > 100, "situations explored: " + graph.states.size());
    }

    @Test
    void without_withdrawing_every_reachable_request_can_still_be_refused_or_closed() {
        Graph graph = GRAPH;

        Set<Situation> stuck = cannotReach(graph, NoDeadEndsTest::refusedOrClosed, a -> a != RequestAction.WITHDRAW);
        // withdrawn requests themselves are terminal: only open situations must find another way out
        stuck.removeIf(s -> s.status() == RequestStatus.WITHDRAWN);
        assertEquals(Set.of(), stuck, "situations only withdrawal can end");
    }

    /** A confidential and a plain request, two measures each: enough for every combination of measure decisions. */
    private static List<MlaRequest> starts() {
        List<MeasureRequest> two = List.of(
                MeasureRequest.described(MeasureKind.TAKING_EVIDENCE_OR_STATEMENTS, "Hear witness W1 by video conference"),
                MeasureRequest.described(MeasureKind.PROVIDING_DOCUMENTS_AND_RECORDS, "Bank records of account NL00BANK0123456789"));
        RequestContent plain = withMeasures(content(), two);
        RequestContent secret = withConfidentiality(plain, "Suspects at large could flee");
        return List.of(submit(plain, false), submit(secret, true));
    }

    private static MlaRequest submit(RequestContent content, boolean confidential) {
        return RequestDecider.fold(DECIDER.decide(null, new RequestCommand.Submit(ID, NL, false, confidential, content), AR, day(0)));
    }

    private static Graph explore(List<MlaRequest> starts) {
        Graph graph = new Graph();
        ArrayDeque<MlaRequest> queue = new ArrayDeque<>();
        for (MlaRequest start : starts) {
            if (graph.states.putIfAbsent(Situation.of(start), start) == null) {
                queue.add(start);
            }
        }
        while (!queue.isEmpty()) {
            MlaRequest state = queue.poll();
            Situation from = Situation.of(state);
            Map<Situation, Set<RequestAction>> out = graph.edges.computeIfAbsent(from, s -> new HashMap<>());
            for (RequestAction action : RequestAction.values()) {
                if (action == RequestAction.SUBMIT || action.by() == Party.SYSTEM) {
                    continue;
                }
                for (RequestCommand command : commands(action, state)) {
                    Optional<MlaRequest> next = attempt(state, command, state.stateOf(action.by()));
                    if (next.isEmpty()) {
                        continue;
                    }
                    Situation to = Situation.of(next.get());
                    out.computeIfAbsent(to, s -> EnumSet.noneOf(RequestAction.class)).add(action);
                    if (graph.states.putIfAbsent(to, next.get()) == null) {
                        queue.add(next.get());
                    }
                }
            }
        }
        return graph;
    }

    /** The state after the command, or empty when the decider refuses it. */
    private static Optional<MlaRequest> attempt(MlaRequest state, RequestCommand command, StateCode actor) {
        try {
            MlaRequest next = state;
            for (RequestEvent event : DECIDER.decide(state, command, actor, NOW)) {
                next = RequestDecider.evolve(next, event);
            }
            return Optional.of(next);
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    /** Every command a party could send for the action: one per measure (or measure and outcome) it may name. */
    private static List<RequestCommand> commands(RequestAction action, MlaRequest state) {
        List<String> ids = state.measures().stream().map(Measure::id).toList();
        List<RequestCommand> commands = new ArrayList<>();
        switch (action) {
            case ACCEPT -> {
                commands.add(new RequestCommand.Accept(List.of(), List.of()));
                ids.forEach(id -> commands.add(new RequestCommand.Accept(List.of(id), List.of())));
            }
            case REFUSE -> {
                commands.add(new RequestCommand.Refuse(List.of(), List.of(GroundForRefusal.ESSENTIAL_INTERESTS), "Security"));
                ids.forEach(id -> commands.add(new RequestCommand.Refuse(List.of(id), List.of(GroundForRefusal.OTHER), "Reasons")));
            }
            case REPORT_PROGRESS -> ids.forEach(id -> {
                commands.add(new RequestCommand.ReportProgress(List.of(new MeasureProgress(id, MeasureStatus.IN_EXECUTION, null)), null));
                commands.add(new RequestCommand.ReportProgress(List.of(new MeasureProgress(id, MeasureStatus.EXECUTED, null)), null));
            });
            case DECLARE_IMPOSSIBLE -> ids.forEach(id -> commands.add(new RequestCommand.DeclareImpossible(List.of(id), "Witness deceased")));
            default -> commands.add(TransitionTableTest.validCommand(action, state));
        }
        return commands;
    }

    /** The situations from which no path of allowed actions reaches a goal (a backward search from the goals). */
    private static Set<Situation> cannotReach(Graph graph, Predicate<Situation> goal, Predicate<RequestAction> allowed) {
        Map<Situation, List<Situation>> into = new HashMap<>();
        graph.edges.forEach((from, out) -> out.forEach((to, actions) -> {
            if (actions.stream().anyMatch(allowed)) {
                into.computeIfAbsent(to, s -> new ArrayList<>()).add(from);
            }
        }));
        Set<Situation> reaches = new HashSet<>();
        ArrayDeque<Situation> queue = new ArrayDeque<>();
        graph.states.keySet().stream().filter(goal).forEach(s -> {
            reaches.add(s);
            queue.add(s);
        });
        while (!queue.isEmpty()) {
            for (Situation from : into.getOrDefault(queue.poll(), List.of())) {
                if (reaches.add(from)) {
                    queue.add(from);
                }
            }
        }
        Set<Situation> stuck = new HashSet<>(graph.states.keySet());
        stuck.removeAll(reaches);
        return stuck;
    }

    @Test
    void when_nothing_more_can_be_executed_the_request_still_ends_without_withdrawal() {
        Graph graph = GRAPH;

        Set<Situation> stuck = cannotReach(graph, NoDeadEndsTest::refusedOrClosed,
                a -> a != RequestAction.WITHDRAW && a != RequestAction.REPORT_PROGRESS);
        stuck.removeIf(s -> s.status() == RequestStatus.WITHDRAWN);
        assertEquals(Set.of(), stuck, "situations where an accepted measure that proves impossible leaves only withdrawal");
    }

    @Test
    void the_search_finds_the_dead_end_there_was_before_measures_could_be_found_impossible() {
        Graph graph = GRAPH;

        Set<Situation> stuck = cannotReach(graph, NoDeadEndsTest::refusedOrClosed,
                a -> a != RequestAction.WITHDRAW && a != RequestAction.REPORT_PROGRESS && a != RequestAction.DECLARE_IMPOSSIBLE);
        assertTrue(stuck.stream().anyMatch(s -> s.measures().contains(MeasureStatus.ACCEPTED)), stuck.toString());
    }

    private static boolean refusedOrClosed(Situation s) {
        return s.status() == RequestStatus.REFUSED || s.status() == RequestStatus.CLOSED;
    }
}
