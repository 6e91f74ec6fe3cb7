/**
 * The one edit path: every writer of a workspace (the console, {@code emcc import}, {@code certs},
 * {@code bat import}, {@code axl pull}, {@code sync pull}) hands its change to
 * {@link dev.emcc.edit.EditService} as a {@link dev.emcc.edit.Proposal} with its
 * {@link dev.emcc.edit.Origin}; the service checks it with the validation rules, saves it in one
 * store transaction and records it in the history, which undoes any of them alike. No JavaFX here;
 * {@code ArchitectureTest} keeps the store's write methods to this package.
 */
package dev.emcc.edit;
