/**
 * The {@code physrec train} command: meta-training configs (YAML), the task families they name,
 * the PES loop with periodic resumable checkpoints, training curves (CSV and PNG) and a record
 * of the compute used.
 */
package org.physrec.app.train;
