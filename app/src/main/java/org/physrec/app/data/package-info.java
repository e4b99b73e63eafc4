/**
 * The {@code physrec data ...} commands: inspect a keypoint file or dataset folder, list which
 * sequences of a validation table a local copy holds, and convert any supported input to
 * physrec JSON or CSV.
 */
package org.physrec.app.data;
