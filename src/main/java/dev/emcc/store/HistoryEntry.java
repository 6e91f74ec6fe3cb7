package dev.emcc.store;

import java.time.Instant;

/**
 * One object's change in the history: which change set (one save, edit or undo) made it, when,
 * with what summary, and the object's JSON before and after (null where it did not exist).
 */
public record HistoryEntry(
    long changeSetId,
    Instant at,
    String summary,
    String clusterId,
    String collection,
    String name,
    ChangeKind kind,
    String beforeJson,
    String afterJson) {}
