/**
 * Just enough numpy to read dataset releases: {@code .npy}/{@code .npz} files
 * ({@link org.physrec.datasets.numpy.Npy}) and Python pickles holding numpy arrays
 * ({@link org.physrec.datasets.numpy.NumpyPickle}, a shim over net.razorvine pickle).
 */
package org.physrec.datasets.numpy;
