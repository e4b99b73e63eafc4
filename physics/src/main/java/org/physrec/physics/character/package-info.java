/**
 * The human character: {@link org.physrec.physics.character.CharacterBuilder} turns the 16
 * bone lengths of the H36M-17 skeleton (metres) and a body mass into a
 * {@link org.physrec.physics.Model} whose keypoints are exactly the 17 H36M joints.
 */
package org.physrec.physics.character;
