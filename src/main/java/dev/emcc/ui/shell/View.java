package dev.emcc.ui.shell;

import javafx.scene.Node;

/** A view in the shell's content area, built on first use. */
public interface View {
  Node node();

  /** Shows an object (by name, null for single-object windows) and focuses a field (JSON key, may be null). */
  default void reveal(String object, String field) {}

  /** May the view be left? Asks about unsaved edits (Save / Discard / Cancel); false stays. */
  default boolean leave() {
    return true;
  }

  /** Releases what the view holds outside the scene (threads, servers); called when the console closes. */
  default void close() {}
}
