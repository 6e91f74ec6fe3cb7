package dev.emcc.sync;

import com.fasterxml.jackson.databind.JsonNode;

/** One field of an object that differs: its JSON key and the two values (null when absent). */
public record FieldDiff(String field, JsonNode local, JsonNode node) {}
