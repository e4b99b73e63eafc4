package org.physrec.physics.pinocchio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import org.physrec.physics.Model;
import org.physrec.physics.TestModels;
import org.physrec.physics.character.CharacterBuilder;

/**
 * Writes the character's kinematic tree, inertias, joint types and keypoints plus a few seeded
 * random (q, v, τ, qdd, external forces) in OUR conventions to JSON, the input of {@code make_golden.py}
 * (src/test/resources/pinocchio), which builds the same model in Pinocchio and adds its results.
 * Run once by hand: java -cp ... org.physrec.physics.pinocchio.ModelExport OUT.json
 */
public final class ModelExport {
    static final int CASES = 5;
    static final long SEED = 20261125L;

    private ModelExport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ModelExport OUT.json");
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        Model model = CharacterBuilder.standard();
        root.set("model", describe(json, model));
        ArrayNode cases = root.putArray("cases");
        Random rng = new Random(SEED);
        for (int c = 0; c < CASES; c++) {
            double[] q = new double[model.nq()];
            TestModels.randomConfiguration(model, rng, 0.6, q);
            ObjectNode o = cases.addObject();
            put(o, "q", q);
            put(o, "v", TestModels.gaussian(rng, model.nv(), 1.5));
            put(o, "tau", TestModels.gaussian(rng, model.nv(), 10.0));
            put(o, "qdd", TestModels.gaussian(rng, model.nv(), 3.0));
            // per body a world spatial force about the world origin [moment; force]
            put(o, "fext", TestModels.gaussian(rng, 6 * model.bodyCount(), 20.0));
        }
        Path out = Path.of(args[0]);
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "export", ".json");
        json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The model as the golden file stores it (also used by the test to detect a changed character). */
    static ObjectNode describe(ObjectMapper json, Model m) {
        ObjectNode o = json.createObjectNode();
        o.put("nq", m.nq());
        o.put("nv", m.nv());
        put(o, "gravity", new double[] {m.gravity(0), m.gravity(1), m.gravity(2)});
        ArrayNode bodies = o.putArray("bodies");
        for (int i = 0; i < m.bodyCount(); i++) {
            ObjectNode b = bodies.addObject();
            b.put("name", m.bodyName(i));
            b.put("parent", m.parent(i));
            b.put("joint", m.joint(i).name());
            b.put("q_start", m.qStart(i));
            b.put("v_start", m.vStart(i));
            put(b, "offset", new double[] {m.jointOffset(i, 0), m.jointOffset(i, 1), m.jointOffset(i, 2)});
            put(b, "hinge_axis", new double[] {m.hingeAxis(i, 0), m.hingeAxis(i, 1), m.hingeAxis(i, 2)});
            b.put("mass", m.mass(i));
            put(b, "com", new double[] {m.com(i, 0), m.com(i, 1), m.com(i, 2)});
            double[] inertia = new double[9];
            for (int k = 0; k < 9; k++) {
                inertia[k] = m.inertia(i, k / 3, k % 3);
            }
            put(b, "inertia_com", inertia);
        }
        double[] arm = new double[m.nv()];
        for (int k = 0; k < arm.length; k++) {
            arm[k] = m.armature(k);
        }
        put(o, "armature", arm);
        ArrayNode kps = o.putArray("keypoints");
        for (int j = 0; j < m.keypointCount(); j++) {
            ObjectNode k = kps.addObject();
            k.put("name", m.keypointName(j));
            k.put("body", m.keypointBody(j));
            put(k, "point", new double[] {m.keypointPoint(j, 0), m.keypointPoint(j, 1), m.keypointPoint(j, 2)});
        }
        return o;
    }

    static void put(ObjectNode o, String name, double[] values) {
        ArrayNode a = o.putArray(name);
        for (double x : values) {
            a.add(x);
        }
    }
}
