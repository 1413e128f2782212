/** Evaluators: score one model answer (BLEU, ROUGE, similarity, judges, rules, custom checks). */
package dev.argus.api.evaluator;
