/**
 * The fifteen classical test functions of the Optimus supplement's Table 4, in any dimension,
 * with analytic gradients, standard domains, known minima and benchmark initialization ranges.
 */
package org.physrec.optim.functions;
