package dev.emcc.rules;

/**
 * One finding of the validation engine. {@code path} is the JSON path of the offending field in
 * the workspace document; {@code predictedError} the login error code the problem will cause,
 * when one applies.
 */
public record Diagnostic(
    Severity severity,
    String rule,
    String cluster,
    String path,
    String message,
    String messageJa,
    Integer predictedError,
    Fix fix) {}
