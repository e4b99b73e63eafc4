/** The physrec application: reconstruction pipeline, evaluation, export, benchmarks and the CLI. */
package org.physrec.app;
