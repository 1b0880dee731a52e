package io.egostream.training.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DistillationTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void teacherDistributionShouldKeepOnlyTheTopKClasses() {
        final float[] q = new Distillation(1, 2, 1).teacherDistribution(new float[] {2, 1, 0});
        // softmax of (2, 1); class 2 is outside the top 2
        assertArrayEquals(new float[] {0.7310586f, 0.2689414f, 0f}, q, 1e-6f);
    }

    @Test
    void lossShouldBeTheKlTimesTemperatureSquaredAveragedOverRowsWithATeacher() {
        final NDArray student = manager.create(new float[] {0, 0, 0, 1, 0, 0, 9, 9, 9}, new Shape(3, 3));
        final float[][] teacher = {{2, 1, 0}, {2, 1, 0}, null};
        // row 0, T = 1: KL(q || uniform) = 0.5164092; row 2 has no teacher and is not counted
        assertEquals(0.5164092f, new Distillation(1, 2, 1).loss(student.get("0:1"), new float[][] {teacher[0]})
                .getFloat(), 1e-6f);
        // T = 2: q = softmax((2, 1) / 2), p = softmax((1, 0, 0) / 2); 4 * KL = 1.2811991; mean of rows 0 and 1
        final float row0 = 4 * klAgainstUniformAtTemperature2();
        assertEquals((row0 + 1.2811991f) / 2, new Distillation(2, 2, 1).loss(student, teacher).getFloat(), 1e-5f);
    }

    /** KL(softmax((2, 1) / 2) || uniform over 3) by hand. */
    private static float klAgainstUniformAtTemperature2() {
        final double a = Math.exp(1.0);
        final double b = Math.exp(0.5);
        final double qa = a / (a + b);
        final double qb = b / (a + b);
        return (float) (qa * Math.log(qa * 3) + qb * Math.log(qb * 3));
    }
}
