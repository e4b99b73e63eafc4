package org.physrec.datasets.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physrec.datasets.DataFormatException;
import org.physrec.datasets.fixtures.Fixtures;

class ValidationTableTest {

    @TempDir
    Path tmp;

    @Test
    void builtInTablesHaveTheirPublishedSizes() throws IOException {
        ValidationTable v = ValidationTable.load("h36m-validation");
        assertEquals(20, v.entries().size());
        assertEquals(10, v.entries().stream().filter(e -> e.subject().equals("S11")).count());
        assertTrue(v.entries().stream().allMatch(e -> e.firstFrame() == 400 && e.lastFrame() == 599));
        ValidationTable t = ValidationTable.load("h36m-test");
        assertEquals(40, t.entries().size(), "2 subjects x 10 actions x 2 sub-actions");
        assertEquals(25, t.fps());
        assertTrue(t.entries().stream().allMatch(e -> e.camera().equals("60457274")));
        ValidationTable a = ValidationTable.load("aist-test");
        assertEquals(15, a.entries().size());
        assertEquals(1, a.frameBase());
        assertThrows(IllegalArgumentException.class, () -> ValidationTable.load("nope"));
    }

    @Test
    void listsFoundAndMissingSequencesOfAVideoPose3dCopy() throws IOException {
        Fixtures.videoPose3d(tmp);
        List<TableCheck.Status> test = TableCheck.check(ValidationTable.load("h36m-test"), tmp);
        List<String> found = test.stream().filter(TableCheck.Status::found).map(TableCheck.Status::resolved).toList();
        assertEquals(List.of("S9/Walking", "S9/Walking 1", "S9/Photo", "S11/Walking", "S11/Walking 1", "S11/Photo").stream()
                .sorted().toList(), found.stream().sorted().toList());
        List<TableCheck.Status> val = TableCheck.check(ValidationTable.load("h36m-validation"), tmp);
        TableCheck.Status walking = val.stream().filter(s -> s.entry().sequence().equals("Walking_1")).findFirst().orElseThrow();
        assertFalse(walking.found());
        assertTrue(walking.note().contains("has 120 frames, table needs up to 599"), walking.note());
    }

    @Test
    void aistEntriesNeedTheAnnotationAndTheSetting() throws IOException {
        Fixtures.aist(tmp, "gLH_sBM_cAll_d18_mLH5_ch07", 130);
        List<TableCheck.Status> s = TableCheck.check(ValidationTable.load("aist-test"), tmp);
        assertEquals(0, s.stream().filter(TableCheck.Status::found).count());
        Files.copy(tmp.resolve("cameras/setting1.json"), tmp.resolve("cameras/setting6.json"));
        s = TableCheck.check(ValidationTable.load("aist-test"), tmp);
        List<TableCheck.Status> found = s.stream().filter(TableCheck.Status::found).toList();
        assertEquals(1, found.size());
        assertEquals("gLH_sBM_c04_d18_mLH5_ch07", found.get(0).entry().sequence());
        assertTrue(found.get(0).note().contains("mapping.txt says setting1"), found.get(0).note());
    }

    @Test
    void entriesLoadAsTheirCameraFramesAndRate() throws IOException {
        Fixtures.videoPose3d(tmp, new String[] {"S11"}, new String[] {"Walking", "Walking 1"}, new int[] {650, 700});
        ValidationTable v = ValidationTable.load("h36m-validation");
        ValidationTable.Entry e = v.entries().stream().filter(x -> x.sequence().equals("Walking_1")).findFirst().orElseThrow();
        org.physrec.datasets.Sequence s = new TableSequences(v, tmp).load(e);
        assertEquals(200, s.frames());
        assertEquals(1, s.cameras().size());
        assertEquals("55011271", s.camera(0).name());
        double[] full = org.physrec.datasets.TestData.motion(700, 50);
        assertEquals(full[400 * 51 + 5], s.groundTruth()[5], 0.05, "frame 400 of 'Walking 1' first");
        ValidationTable t = ValidationTable.load("h36m-test");
        ValidationTable.Entry te = t.entries().stream().filter(x -> x.subject().equals("S11") && x.sequence().equals("Walking"))
                .findFirst().orElseThrow();
        org.physrec.datasets.Sequence ts = new TableSequences(t, tmp).load(te);
        assertEquals(325, ts.frames(), "650 frames at 50 Hz -> every second frame");
        assertEquals(25, ts.fps());
        assertEquals("60457274", ts.camera(0).name());
    }

    @Test
    void badTableFiles() throws IOException {
        Path f = tmp.resolve("t.yaml");
        Files.writeString(f, "name: x\ndataset: mpii\nsequences: []\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> ValidationTable.load(f.toString()));
        assertTrue(e.getMessage().contains("field 'dataset'"), e.getMessage());
        Files.writeString(f, "name: x\ndataset: h36m\nsequences:\n  - {sequence: Walking, subject: S9, frames: [600, 400]}\n");
        e = assertThrows(DataFormatException.class, () -> ValidationTable.load(f.toString()));
        assertTrue(e.getMessage().contains("sequences[0].frames"), e.getMessage());
    }
}
