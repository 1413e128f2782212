/**
 * Shared types of the Argus plugin API: the {@link dev.argus.api.ArgusExtension} contract,
 * configuration schemas, the context handed to extensions, and value records.
 */
package dev.argus.api;
