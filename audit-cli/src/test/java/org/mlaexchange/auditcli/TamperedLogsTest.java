package org.mlaexchange.auditcli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.audit.Checkpoint;
import org.mlaexchange.contracts.audit.CheckpointKeys;
import org.mlaexchange.contracts.audit.CheckpointSigner;

/**
 * The audit CLI against logs on a real Kafka broker (the stack's): a genuine log verifies, and each
 * way of tampering with it is caught, with the report naming the first bad position.
 */
@QuarkusMainTest
class TamperedLogsTest {

    private static final int LENGTH = 40;
    private static final CheckpointSigner SIGNER = CheckpointSigner.generate();
    private static final List<String> TOPICS = new ArrayList<>();
    private static Path key;
    private static String checkpointsTopic;

    @BeforeAll
    static void keyAndCheckpoints() throws Exception {
        key = Files.createTempFile("service-key", ".pem");
        Files.writeString(key, CheckpointKeys.toPem(SIGNER.publicKey()));
        checkpointsTopic = topic("checkpoints");
        List<Logs.Event> log = Logs.chain(LENGTH);
        // the service signed its head twice while the log grew: at logseq 20 and at 40
        Logs.publishCheckpoints(checkpointsTopic, List.of(Logs.checkpoint(SIGNER, log, 20), Logs.checkpoint(SIGNER, log, LENGTH)));
    }

    @AfterAll
    static void dropTopics() throws Exception {
        Logs.deleteTopics(TOPICS);
    }

    private static String topic(String what) throws Exception {
        String topic = Logs.newTopic(what);
        TOPICS.add(topic);
        return topic;
    }

    private static String published(String what, List<Logs.Event> events) throws Exception {
        String topic = topic(what);
        Logs.publish(topic, events);
        return topic;
    }

    private static LaunchResult verify(QuarkusMainLauncher launcher, String topic, Path witness, String... more) {
        List<String> args = new ArrayList<>(List.of("verify", "--from-kafka", "--bootstrap-servers", Logs.BOOTSTRAP,
                "--service", Logs.SERVICE + "=http://127.0.0.1:9", "--topic", Logs.SERVICE + "=" + topic,
                "--checkpoints-topic", checkpointsTopic, "--public-key", Logs.SERVICE + "=" + key, "--witness", witness.toString()));
        args.addAll(List.of(more));
        return launcher.launch(args.toArray(String[]::new));
    }

    private static void assertBrokenAt(LaunchResult result, long logseq, String because) {
        assertEquals(1, result.exitCode(), result.getOutput() + result.getErrorOutput());
        assertTrue(result.getOutput().contains("BROKEN: first bad position logseq " + logseq), result.getOutput());
        assertTrue(result.getOutput().contains(because), result.getOutput());
    }

    @Test
    void aGenuineLogVerifiesAndItsWitnessIsSavedForTheNextRun(QuarkusMainLauncher launcher) throws Exception {
        List<Logs.Event> log = Logs.chain(LENGTH);
        List<Logs.Event> republished = new ArrayList<>(log);
        republished.add(log.get(7)); // the relay published logseq 8 again after a restart
        String topic = published("genuine", republished);
        Path witness = Files.createTempDirectory("witness");
        LaunchResult first = verify(launcher, topic, witness);
        assertEquals(0, first.exitCode(), first.getOutput() + first.getErrorOutput());
        assertTrue(first.getOutput().contains("result      INTACT"), first.getOutput());
        assertTrue(first.getOutput().contains("chain       verified up to logseq " + LENGTH + ", head hash " + log.get(LENGTH - 1).hash()));
        assertTrue(first.getOutput().contains("1 duplicates skipped"), first.getOutput());
        assertTrue(first.getOutput().contains("2 signed by the service verified"), first.getOutput());
        assertEquals(LENGTH * 65L, Files.size(witness.resolve(Logs.SERVICE).resolve("hashes")));

        LaunchResult second = verify(launcher, topic, witness, "--format", "csv");
        assertEquals(0, second.exitCode(), second.getOutput());
        List<String> csv = second.getOutput().lines().toList();
        assertTrue(csv.get(0).startsWith("service,source,events,"), second.getOutput());
        String row = csv.get(1);
        assertTrue(row.contains(",INTACT,") && row.contains("," + LENGTH + ","), row);
        assertTrue(row.contains(",2," + LENGTH + ","), "2 witnessed checkpoints and 40 witnessed hashes: " + row);
    }

    @Test
    void anEditedPayloadIsNamed(QuarkusMainLauncher launcher) throws Exception {
        List<Logs.Event> log = new ArrayList<>(Logs.chain(LENGTH));
        Logs.Event e = log.get(14);
        log.set(14, new Logs.Event(e.caseId(), e.json().replace("\"n\":15", "\"n\":16"), e.hash()));
        assertBrokenAt(verify(launcher, published("edited", log), Files.createTempDirectory("witness")), 15,
                "hash does not match the event's content");
    }

    @Test
    void aDeletedEventIsNamed(QuarkusMainLauncher launcher) throws Exception {
        List<Logs.Event> log = new ArrayList<>(Logs.chain(LENGTH));
        log.remove(9);
        assertBrokenAt(verify(launcher, published("deleted", log), Files.createTempDirectory("witness")), 10,
                "expected logseq 10 but found 11");
    }

    @Test
    void twoReorderedEventsAreNamed(QuarkusMainLauncher launcher) throws Exception {
        List<Logs.Event> log = new ArrayList<>(Logs.chain(LENGTH));
        // 22 and 26 belong to the same case, so they share a partition; swap them
        Logs.Event e22 = log.get(21);
        Logs.Event e26 = log.get(25);
        log.set(21, new Logs.Event(e22.caseId(), e26.json(), e26.hash()));
        log.set(25, new Logs.Event(e26.caseId(), e22.json(), e22.hash()));
        assertBrokenAt(verify(launcher, published("reordered", log), Files.createTempDirectory("witness")), 22,
                "expected logseq 22 but found");
    }

    @Test
    void aTruncatedTailContradictsTheSignedCheckpoint(QuarkusMainLauncher launcher) throws Exception {
        List<Logs.Event> log = Logs.chain(LENGTH).subList(0, 33);
        assertBrokenAt(verify(launcher, published("truncated", log), Files.createTempDirectory("witness")), 34,
                "events 34..40 are missing (truncated)");
    }

    @Test
    void aConsistentForgeryIsCaughtByWhatTheAuditorSavedBefore(QuarkusMainLauncher launcher) throws Exception {
        Path witness = Files.createTempDirectory("witness");
        assertEquals(0, verify(launcher, published("before", Logs.chain(LENGTH)), witness).exitCode());
        // the operator rewrites the log from logseq 27 on, re-seals every event after it and signs new checkpoints
        // with a new key: a valid chain with valid checkpoints of its own
        List<Logs.Event> forged = Logs.chain(LENGTH + 5, 27);
        CheckpointSigner operator = CheckpointSigner.generate();
        Path operatorKey = Files.createTempFile("operator-key", ".pem");
        Files.writeString(operatorKey, CheckpointKeys.toPem(operator.publicKey()));
        String forgedCheckpoints = topic("forged-checkpoints");
        Logs.publishCheckpoints(forgedCheckpoints, List.of(Logs.checkpoint(operator, forged, LENGTH + 5)));
        String topic = published("forged", forged);
        LaunchResult result = launcher.launch("verify", "--from-kafka", "--bootstrap-servers", Logs.BOOTSTRAP,
                "--service", Logs.SERVICE + "=http://127.0.0.1:9", "--topic", Logs.SERVICE + "=" + topic,
                "--checkpoints-topic", forgedCheckpoints, "--public-key", Logs.SERVICE + "=" + operatorKey,
                "--witness", witness.toString());
        assertBrokenAt(result, 27, "the log was rewritten from this event on");
        assertTrue(result.getOutput().contains("[witnessed-checkpoint]"), "the saved checkpoint of logseq 40 contradicts it too");
        // and nothing of the forgery was saved as witnessed
        assertEquals(LENGTH * 65L, Files.size(witness.resolve(Logs.SERVICE).resolve("hashes")));
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsRejected(QuarkusMainLauncher launcher) throws Exception {
        List<Logs.Event> log = Logs.chain(LENGTH);
        Checkpoint forged = Logs.checkpoint(CheckpointSigner.generate(), log, LENGTH);
        String ownCheckpoints = checkpointsTopic;
        checkpointsTopic = topic("other-key");
        try {
            Logs.publishCheckpoints(checkpointsTopic, List.of(forged));
            LaunchResult result = verify(launcher, published("other-key-log", log), Files.createTempDirectory("witness"));
            assertEquals(1, result.exitCode(), result.getOutput());
            assertTrue(result.getOutput().contains("[checkpoint-signature]"), result.getOutput());
        } finally {
            checkpointsTopic = ownCheckpoints;
        }
    }

    @Test
    void anUnreachableBrokerIsNotAVerdict(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult result = launcher.launch("verify", "--from-kafka", "--bootstrap-servers", "127.0.0.1:1",
                "--service", Logs.SERVICE + "=http://127.0.0.1:9", "--public-key", Logs.SERVICE + "=" + key,
                "--witness", Files.createTempDirectory("witness").toString());
        assertEquals(2, result.exitCode(), result.getOutput());
        assertTrue(result.getErrorOutput().contains("could not audit"), result.getErrorOutput());
    }
}
