/** JMH benchmarks of the physics module (run from the test classpath, see docs/PERFORMANCE.md). */
package org.physrec.physics.bench;
