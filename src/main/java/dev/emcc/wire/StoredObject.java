package dev.emcc.wire;

import com.fasterxml.jackson.databind.JsonNode;

/** An object's canonical JSON and the cluster revision at which it last changed. */
public record StoredObject(JsonNode value, long revision) {}
