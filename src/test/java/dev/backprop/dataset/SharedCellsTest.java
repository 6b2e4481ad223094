package dev.backprop.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SharedCellsTest {

    @Test
    void aTableReadWholeHoldsEachDistinctCellTextOnce() {
        CsvTable table = CsvReader.read("a,b\n0,red\n0,blue\n0.5,red\n,red\n".getBytes(StandardCharsets.UTF_8));

        assertThat(table.rows()).extracting(row -> row[1]).containsExactly("red", "blue", "red", "red");
        assertThat(table.rows().get(1)[0]).isSameAs(table.rows().get(0)[0]);
        assertThat(table.rows().get(2)[1]).isSameAs(table.rows().get(0)[1]).isSameAs(table.rows().get(3)[1]);
        assertThat(table.rows().get(3)[0]).isNull();
    }

    @Test
    void pastTheLimitNewTextsAreKeptAsTheyComeAndEarlierOnesStillShared() {
        SharedCells cells = new SharedCells();
        for (int i = 0; i < SharedCells.MAX_DISTINCT; i++) {
            cells.share(new String[] {Integer.toString(i)});
        }
        String fresh = new String("new value");
        String[] row = cells.share(new String[] {fresh, new String("7")});

        assertThat(row[0]).isSameAs(fresh);
        assertThat(row[1]).isEqualTo("7").isSameAs(cells.share(new String[] {new String("7")})[0]);
        assertThat(cells.share(new String[] {new String("new value")})[0]).as("not remembered past the limit")
                .isNotSameAs(fresh).isEqualTo("new value");
    }
}
