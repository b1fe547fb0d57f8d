package dev.baton.infrastructure.jms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DestinationsTest {

    @ParameterizedTest(name = "task priority {0} -> JMS priority {1}")
    @CsvSource({
        "0, 0",
        "1, 0",
        "9, 0",
        "10, 1",
        "19, 1",
        "20, 2",
        "49, 4",
        "50, 5",
        "55, 5",
        "89, 8",
        "90, 9",
        "99, 9",
        "100, 9",
        "-1, 0",
        "-2147483648, 0",
        "101, 9",
        "1000, 9",
        "2147483647, 9"
    })
    void mapsTaskPriorityOntoTheTenJmsPriorities(int taskPriority, int jmsPriority) {
        assertThat(Destinations.jmsPriority(taskPriority)).isEqualTo(jmsPriority);
    }

    @Test
    void everyTaskPriorityLandsInTheJmsRangeAndOrderIsKept() {
        int previous = -1;
        for (int priority = -50; priority <= 150; priority++) {
            int jms = Destinations.jmsPriority(priority);
            assertThat(jms).isBetween(0, 9).isGreaterThanOrEqualTo(previous);
            previous = jms;
        }
        assertThat(Destinations.jmsPriority(0)).isZero();
        assertThat(Destinations.jmsPriority(100)).isEqualTo(9);
    }
}
