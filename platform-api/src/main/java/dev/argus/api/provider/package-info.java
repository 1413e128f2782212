/**
 * LLM providers: call a model, stream its answer, list models, and normalise rate-limit headers and
 * errors into the host's vocabulary.
 */
package dev.argus.api.provider;
