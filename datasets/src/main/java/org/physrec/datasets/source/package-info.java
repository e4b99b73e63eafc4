/**
 * One entry point for every supported input: {@link org.physrec.datasets.source.Sources#open}
 * recognises a file or dataset folder and returns a {@link org.physrec.datasets.source.SequenceSource}
 * that lists and loads its sequences.
 */
package org.physrec.datasets.source;
