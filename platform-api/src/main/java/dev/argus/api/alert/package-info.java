/** Alert channels: deliver fired and resolved alerts (webhook, Slack, email, …). */
package dev.argus.api.alert;
