/**
 * Small reusable PNG plots on xchart: line plots with optional log axes
 * ({@link org.physrec.app.plot.LinePlot}), Dolan–Moré performance profiles
 * ({@link org.physrec.app.plot.PerformanceProfile}), and grids of charts, all written atomically.
 */
package org.physrec.app.plot;
