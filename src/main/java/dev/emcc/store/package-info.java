/**
 * The console's storage: the workspace in one SQLite file ({@link dev.emcc.store.WorkspaceStore}).
 *
 * <p>Schema (numbered migrations in {@code migrations/}, applied in order and recorded in
 * {@code schema_version}):
 * <ul>
 *   <li>{@code cluster(cluster_id, position, revision)}: the clusters in workspace order;</li>
 *   <li>{@code object(cluster_id, collection, name, position, revision, json)}: one row per object,
 *       its JSON as the workspace format writes it (compact), unique by (cluster_id, collection,
 *       name); singletons ({@code cluster}, {@code trustStores}, {@code emServiceParameters},
 *       {@code emccDevices}, {@code emccFeatureConfig}, {@code interclusterServiceProfile}) have the
 *       name "";</li>
 *   <li>{@code change_set(id, at, summary, undo_of, bytes)} and {@code change(change_set, cluster_id,
 *       collection, name, kind, before_json, before_position, after_position)}: the history, as
 *       before-images (the after-image is the next change's before-image or the current row);
 *       {@code bytes} is what a change set's history costs;</li>
 *   <li>{@code change_pack(change_set, seq, changes, data)}: the history of a change set of more
 *       than 1,000 changes, its records deflated in packs ({@link dev.emcc.store.History});</li>
 *   <li>{@code bat_column(cluster_id, collection, name, change_set, columns)}: the BAT columns the
 *       model does not carry, kept per object and import by {@code emcc bat import --keep-unknown}
 *       for a later export ({@link dev.emcc.store.KeptColumns}); a trigger deletes an import's rows
 *       when the history undoes its change set.</li>
 * </ul>
 *
 * <p>Revisions are change-set ids: an object's is the id of the change set that last changed its
 * JSON, a cluster's the id of the last change set that touched it. They only grow.
 */
package dev.emcc.store;
