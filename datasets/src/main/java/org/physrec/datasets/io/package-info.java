/**
 * physrec's own sequence files (JSON and CSV, documented in docs/DATA.md), their writers, atomic
 * file writing, and format detection ({@link org.physrec.datasets.io.SequenceFiles}).
 */
package org.physrec.datasets.io;
