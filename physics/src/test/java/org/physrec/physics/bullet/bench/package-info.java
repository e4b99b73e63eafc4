/**
 * JMH benchmarks of the jbullet ragdoll against our step (run from the test classpath with
 * {@code org.openjdk.jmh.Main BulletStepBenchmark}; the CLI's {@code physrec bench physics}
 * measures the same and more in one command).
 */
package org.physrec.physics.bullet.bench;
