package dev.backprop.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InlineTextsTest {

    @Test
    void textsReadFromASnapshotStreamComeBackWholeAcrossItsBufferRefills() {
        List<String> texts = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; stream.size() < 3 * TableSnapshot.BUFFER_SIZE; i++) {
            String text = i % 3 == 0 ? "" : "zürich-" + i + "-" + "ö€".repeat(i % 17);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            stream.write(utf8.length); // every length here fits one varint byte
            stream.writeBytes(utf8);
            texts.add(text);
        }
        SnapshotInput in = new SnapshotInput(new ByteArrayInputStream(stream.toByteArray()));
        InlineTexts inline = new InlineTexts();

        for (int i = 0; i < texts.size(); i++) {
            assertThat(inline.read(in, in.readLength())).isEqualTo(i);
        }
        int added = inline.add("långt");

        assertThat(in.atEnd()).isTrue();
        assertThat(added).isEqualTo(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(inline.get(i)).isEqualTo(texts.get(i));
        }
        assertThat(inline.get(added)).isEqualTo("långt");
        assertThatThrownBy(() -> inline.get(added + 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aTextCutShortByTheEndOfTheSnapshotIsReportedAsDamage() {
        SnapshotInput in = new SnapshotInput(new ByteArrayInputStream(new byte[] {5, 'a', 'b'}));

        assertThatThrownBy(() -> new InlineTexts().read(in, in.readLength()))
                .hasMessageContaining("snapshot is damaged");
    }
}
