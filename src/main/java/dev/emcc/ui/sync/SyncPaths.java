package dev.emcc.ui.sync;

import dev.emcc.store.WorkspaceStore;
import dev.emcc.sync.NodesFile;
import dev.emcc.sync.SyncBase;
import java.nio.file.Path;

/**
 * Where the console keeps its registered nodes and its last-synced state: the same files the CLI
 * uses by default ({@code nodes.json} and {@code workspace.db.sync.db} beside the store), so the
 * console and {@code emcc sync} agree. The system properties {@code emcc.nodes} and
 * {@code emcc.store} move them (tests, a second console).
 */
public record SyncPaths(Path nodesFile, Path baseFile) {
  public static SyncPaths current() {
    Path store = System.getProperty("emcc.store") != null ? Path.of(System.getProperty("emcc.store"))
        : WorkspaceStore.defaultPath();
    Path nodes = System.getProperty("emcc.nodes") != null ? Path.of(System.getProperty("emcc.nodes"))
        : NodesFile.defaultPath();
    return new SyncPaths(nodes, SyncBase.fileFor(store));
  }
}
