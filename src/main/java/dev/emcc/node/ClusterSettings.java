package dev.emcc.node;

import dev.emcc.model.SecurityMode;

/** The cluster's own scalar settings as one object ({@code settings/cluster}); the id is the node's. */
public record ClusterSettings(String version, SecurityMode securityMode, Integer maxPhones) {}
