package dev.emcc.ui.shell;

/** A node of the navigation tree: a CUCM menu (window null) or a window id. */
public record NavEntry(String labelKey, String window) {}
