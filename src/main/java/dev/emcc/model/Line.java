package dev.emcc.model;

/** A line of a device profile: a directory number, optionally in a route partition (free text). */
public record Line(int index, String directoryNumber, String partition) {}
