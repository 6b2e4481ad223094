package dev.backprop.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CheckpointScheduleTest {

    private static final long MS = 1_000_000L;

    private static CheckpointSchedule schedule(int every, Duration minInterval) {
        return new CheckpointSchedule(new TrainingProperties(null, null, null, null, null, null, null, null, every,
                minInterval), 0);
    }

    @Test
    void waitsForTheMinimumIntervalAndTheEpochCount() {
        CheckpointSchedule schedule = schedule(2, Duration.ofSeconds(1));
        assertThat(schedule.due(2, false, 500 * MS)).as("too soon").isFalse();
        assertThat(schedule.due(3, false, 1_500 * MS)).as("not a multiple of every").isFalse();
        assertThat(schedule.due(4, false, 1_500 * MS)).isTrue();
    }

    @Test
    void keepsCheckpointsToTwoPercentOfTheTime() {
        CheckpointSchedule schedule = schedule(1, Duration.ofMillis(1));
        schedule.written(100 * MS, 1_000 * MS);
        assertThat(schedule.due(2, false, 5_999 * MS)).as("within 50 × the last cost").isFalse();
        assertThat(schedule.due(2, false, 6_000 * MS)).isTrue();
    }

    @Test
    void aShutdownAlwaysGetsOneAndZeroMeansNever() {
        assertThat(schedule(5, Duration.ofHours(1)).due(1, true, MS)).isTrue();
        assertThat(schedule(0, Duration.ZERO).due(1, true, MS)).isFalse();
    }
}
