package dev.emcc.ui.forms;

/** A bad value in a form: the field's JSON key and the message shown beside it. */
public record FieldProblem(String key, String message) {}
