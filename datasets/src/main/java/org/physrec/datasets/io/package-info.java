/**
 * physrec's own sequence files (JSON and CSV, documented in docs/DATA.md), their writers and
 * atomic file writing.
 */
package org.physrec.datasets.io;
