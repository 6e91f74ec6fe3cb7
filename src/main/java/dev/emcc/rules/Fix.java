package dev.emcc.rules;

/**
 * Where a problem is fixed: a window id (one of the console's form specs, such as
 * {@code deviceProfile} or {@code emccFeatureConfig}), the object's name in that window (null for
 * single-object windows) and the field key (the JSON key of the field).
 */
public record Fix(String window, String object, String field) {}
