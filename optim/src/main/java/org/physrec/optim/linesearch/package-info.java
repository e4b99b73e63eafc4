/**
 * Line searches along a direction: the Moré–Thuente search (MINPACK-2 dcsrch) and the
 * Nocedal–Wright zoom search, each behaving step for step as SciPy's
 * {@code line_search_wolfe1} / {@code line_search_wolfe2}, plus {@link org.physrec.optim.linesearch.Direction},
 * the φ(α) view of an objective that counts evaluations in the optimizer state.
 */
package org.physrec.optim.linesearch;
